#include "app/cli/BuiltinCommands.h"

#include "app/cli/CheckCommand.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/DemoCommand.h"
#include "app/cli/GradientsCommand.h"
#include "app/cli/HeadCommand.h"
#include "app/cli/LoadCommand.h"
#include "app/cli/LrFindCommand.h"
#include "app/cli/LrVerifyCommand.h"
#include "app/cli/MaskCommand.h"
#include "app/cli/PiiCommand.h"
#include "app/cli/ScaleCommand.h"
#include "app/cli/ScheduleCommand.h"
#include "app/cli/SearchCommand.h"
#include "app/cli/SimulateCommand.h"
#include "app/cli/SnapshotCommand.h"
#include "app/cli/SufficiencyCommand.h"
#include "app/cli/TrainCommand.h"
#include "app/cli/WeightsCommand.h"
#include "app/cli/WorkerCommand.h"

namespace loupe::cli {

void registerBuiltinCommands(CommandRegistry &registry)
{
    registry.add<LoadCommand>();
    registry.add<HeadCommand>();
    registry.add<SimulateCommand>();
    registry.add<DemoCommand>();
    registry.add<TrainCommand>();
    registry.add<ScheduleCommand>();
    registry.add<GradientsCommand>();
    registry.add<WeightsCommand>();
    registry.add<LrFindCommand>();
    registry.add<LrVerifyCommand>();
    registry.add<SnapshotCommand>();
    registry.add<SearchCommand>();
    registry.add<WorkerCommand>();
    registry.add<SufficiencyCommand>();
    registry.add<ScaleCommand>();
    registry.add<PiiCommand>();
    registry.add<MaskCommand>();
    registry.add<CheckCommand>();
}

} // namespace loupe::cli
