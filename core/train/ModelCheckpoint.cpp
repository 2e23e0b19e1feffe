#include "core/train/ModelCheckpoint.h"

#include "core/nn/WeightsFile.h"
#include "core/train/Trainer.h"

#include <cstdio>

namespace loupe {

ModelCheckpoint::ModelCheckpoint(Options options)
    : m_options(std::move(options))
    , m_monitor(m_options.monitor, m_options.mode, 0.0)
{
}

std::string ModelCheckpoint::pathForEpoch(int epoch) const
{
    std::string path = m_options.path;
    const std::string placeholder = "{epoch}";
    char number[16];
    std::snprintf(number, sizeof number, "%02d", epoch + 1);
    for (auto at = path.find(placeholder); at != std::string::npos; at = path.find(placeholder, at))
        path.replace(at, placeholder.size(), number);
    return path;
}

CallbackAction ModelCheckpoint::onTrainBegin(Trainer &)
{
    m_monitor.reset();
    m_saved.clear();
    return CallbackAction::Continue;
}

CallbackAction ModelCheckpoint::onEpochEnd(Trainer &trainer, const EpochStats &stats)
{
    if (m_options.saveMode == SaveMode::BestOnly) {
        const Result<double> value = m_monitor.valueIn(stats);
        if (!value.isOk()) {
            trainer.stopWith(Status::invalidInput("ModelCheckpoint: " + value.message()));
            return CallbackAction::Stop;
        }
        if (!m_monitor.improve(value.value()))
            return CallbackAction::Continue;
    }
    const std::string path = pathForEpoch(stats.epoch);
    const Status status = WeightsFile::save(path, trainer.model());
    if (!status.isOk()) {
        trainer.stopWith(status);
        return CallbackAction::Stop;
    }
    m_saved.push_back(path);
    return CallbackAction::Continue;
}

} // namespace loupe
