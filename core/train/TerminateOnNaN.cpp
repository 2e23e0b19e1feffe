#include "core/train/TerminateOnNaN.h"

#include "core/train/Trainer.h"

#include <cmath>
#include <cstdio>

namespace loupe {

std::string TerminateOnNaN::message(int epoch, int step, double loss)
{
    std::string value;
    if (std::isnan(loss)) {
        value = "nan";
    } else if (std::isinf(loss)) {
        value = loss > 0 ? "inf" : "-inf";
    } else {
        char text[32];
        std::snprintf(text, sizeof text, "%g", loss);
        value = text;
    }
    return "diverged at epoch " + std::to_string(epoch + 1) + ", step " + std::to_string(step + 1) + ", loss " + value;
}

CallbackAction TerminateOnNaN::onBatchEnd(Trainer &trainer, const BatchStats &stats)
{
    if (std::isfinite(stats.loss))
        return CallbackAction::Continue;
    trainer.stopWith(Status::error(StatusCode::Failed, message(stats.epoch, stats.step, stats.loss)), StopReason::Diverged);
    return CallbackAction::Stop;
}

} // namespace loupe
