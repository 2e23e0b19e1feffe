#pragma once
// Turns the Trainer's per-batch callbacks into TrainBatchProgress updates for the UI: collects
// every batch's loss (raw and smoothed, LossSmoother) and learning rate, and hands them over at
// most every `intervalMs` (and once more at flush()), with the fraction done and an ETA from the
// time spent so far. Runs on the training thread; `send` is called there too.

#include "jobs/TrainTypes.h"
#include "core/train/Callback.h"
#include "core/lr/LossSmoother.h"
#include "core/train/Trainer.h"

#include <QElapsedTimer>

#include <functional>

namespace loupe {

class TrainProgressReporter : public Callback {
public:
    using Send = std::function<void(const TrainBatchProgress &)>;

    // requires: intervalMs >= 0, send callable.
    TrainProgressReporter(Send send, qint64 intervalMs = 40);

    CallbackAction onTrainBegin(Trainer &trainer) override;
    CallbackAction onBatchEnd(Trainer &trainer, const BatchStats &stats) override;
    // The Trainer's progress hook (it knows the totals); never asks to stop.
    TrainProgressHook hook();
    // Sends what is pending, if anything.
    void flush();

private:
    void onProgress(const TrainProgress &progress);

    Send m_send;
    qint64 m_intervalMs;
    LossSmoother m_smoother;
    QElapsedTimer m_clock;      // since training began
    QElapsedTimer m_sinceSent;
    TrainBatchProgress m_pending;
};

} // namespace loupe
