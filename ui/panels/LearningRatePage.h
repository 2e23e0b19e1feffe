#pragma once
// The Learning-rate page: two tabs.
//   Finder: run the range test or the one-pass finder on Fashion-MNIST or the
//   loaded CSV, see
//           loss against rate (log axis) with the suggestions, overlay stored
//           lr-find runs, and send the recommended rate to the Train page
//           (learningRateChosen).
//   Schedule designer: a schedule's rate per epoch or step, redrawn as its
//   fields change.
// See LrFinderPanel and ScheduleDesignerPanel.

#include "ui/PageContext.h"

#include <QWidget>

class QTabWidget;

namespace loupe {

class LrFinderPanel;
class ScheduleDesignerPanel;

class LearningRatePage : public QWidget {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the page.
    explicit LearningRatePage(const PageContext &context, QWidget *parent = nullptr);

    LrFinderPanel *finderPanel() const { return m_finder; }
    ScheduleDesignerPanel *scheduleDesigner() const { return m_designer; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // "Use this rate" on the finder: the rate to train with.
    void learningRateChosen(double learningRate);

private:
    QTabWidget *m_tabs = nullptr;
    LrFinderPanel *m_finder = nullptr;
    ScheduleDesignerPanel *m_designer = nullptr;
};

} // namespace loupe
