#include "ui/learningrate/LearningRatePage.h"

#include "ui/learningrate/LrFinderPanel.h"
#include "ui/learningrate/ScheduleDesignerPanel.h"
#include "ui/learningrate/SnapshotPanel.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace loupe {

LearningRatePage::LearningRatePage(const PageContext &context, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_tabs = new QTabWidget(this);
    m_finder = new LrFinderPanel(context, m_tabs);
    m_designer = new ScheduleDesignerPanel(m_tabs);
    m_tabs->addTab(m_finder, tr("Finder"));
    m_tabs->addTab(m_designer, tr("Schedule designer"));
    m_snapshots = new SnapshotPanel(context, m_tabs);
    m_tabs->addTab(m_snapshots, tr("Snapshot ensembles"));
    layout->addWidget(m_tabs);
    connect(m_finder, &LrFinderPanel::learningRateChosen, this, &LearningRatePage::learningRateChosen);
    connect(m_designer, &ScheduleDesignerPanel::scheduleChosen, this, &LearningRatePage::scheduleChosen);
    connect(m_designer, &ScheduleDesignerPanel::learningRateChosen, this, &LearningRatePage::learningRateChosen);
}

} // namespace loupe
