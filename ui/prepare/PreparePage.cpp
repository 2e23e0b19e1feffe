#include "ui/prepare/PreparePage.h"

#include "ui/common/DatasetSession.h"
#include "ui/prepare/ScalingPanel.h"
#include "ui/prepare/SufficiencyPanel.h"

#include <QGroupBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace loupe {

namespace {

QGroupBox *framed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

} // namespace

PreparePage::PreparePage(const PageContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    m_sufficiency = new SufficiencyPanel(m_context, this);
    m_scaling = new ScalingPanel(m_context, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(framed(tr("Is the data up to the task?"), m_sufficiency, splitter));
    splitter->addWidget(framed(tr("Scaling (fitted on the training split only)"), m_scaling, splitter));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);
    connect(m_context.dataset, &DatasetSession::datasetChanged, this, &PreparePage::onDatasetChanged);
}

void PreparePage::onDatasetChanged()
{
    m_sufficiency->reloadColumns();
    m_scaling->reloadColumns();
}

} // namespace loupe
