#pragma once
// The Learning-rate page: three tabs.
//   Finder: run the range test or the one-pass finder on Fashion-MNIST or the
//   loaded CSV, see
//           loss against rate (log axis) with the suggestions, overlay stored
//           lr-find runs, and send the recommended rate to the Train page
//           (learningRateChosen).
//   Schedule designer: a schedule's rate per epoch or step, redrawn as its
//   fields change; "Use for training" hands it to the Train page
//   (scheduleChosen).
//   Snapshot ensembles: train one (M cycles in T epochs) in the background, see
//   the rate with the snapshots and the accuracies; stored runs re-open.
// See LrFinderPanel and ScheduleDesignerPanel.

#include "core/optim/ScheduleSpec.h"
#include "ui/common/PageContext.h"

#include <QWidget>

class QTabWidget;

namespace loupe {

class LrFinderPanel;
class ScheduleDesignerPanel;
class SnapshotPanel;

class LearningRatePage : public QWidget {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the page.
    explicit LearningRatePage(const PageContext &context, QWidget *parent = nullptr);

    LrFinderPanel *finderPanel() const { return m_finder; }
    ScheduleDesignerPanel *scheduleDesigner() const { return m_designer; }
    SnapshotPanel *snapshotPanel() const { return m_snapshots; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // "Use this rate" on the finder, or a rate picked on the schedule preview: the rate to train with.
    void learningRateChosen(double learningRate);
    // "Use for training" in the schedule designer: the schedule to train with.
    void scheduleChosen(const loupe::ScheduleSpec &schedule);

private:
    QTabWidget *m_tabs = nullptr;
    LrFinderPanel *m_finder = nullptr;
    ScheduleDesignerPanel *m_designer = nullptr;
    SnapshotPanel *m_snapshots = nullptr;
};

} // namespace loupe
