#include "ui/search/SearchResultsPanel.h"

#include "ui/common/RecentFolder.h"
#include "ui/search/TrialFilterProxy.h"
#include "ui/search/TrialTableModel.h"
#include "ui/search/EdfPlot.h"
#include "ui/search/ImportancePlot.h"
#include "ui/search/OptimizationHistoryPlot.h"
#include "ui/search/ParallelCoordinatesPlot.h"
#include "ui/search/SlicePlot.h"
#include "ui/common/ExportFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace loupe {

SearchResultsPanel::SearchResultsPanel(QWidget *parent) : QWidget(parent)
{
    m_model = new TrialTableModel(this);
    m_proxy = new TrialFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildPlotArea());
    splitter->addWidget(buildTableArea());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter);

    connect(m_parallel, &ParallelCoordinatesPlot::brushChanged, this, [this](int axis, double low, double high) {
        const int column = axis < m_model->space().size() ? m_model->parameterColumn(axis) : m_model->lossColumn();
        m_proxy->setBrush(column, low, high);
        updateCountLabel();
    });
    connect(m_parallel, &ParallelCoordinatesPlot::brushCleared, this, [this](int axis) {
        const int column = axis < m_model->space().size() ? m_model->parameterColumn(axis) : m_model->lossColumn();
        m_proxy->clearBrush(column);
        updateCountLabel();
    });
    // One selected trial for the table and every plot: a click on a plot's point or line selects its
    // row (and the page shows its curves); the table's current row rings it in every plot.
    for (TrialPlot *plot : plots()) {
        connect(plot, &TrialPlot::trialClicked, this, [this](int number) {
            selectTrial(number);
            Q_EMIT trialActivated(number);
        });
    }
    for (TrialPlot *plot : plots())
        connect(plot, &TrialPlot::parameterClicked, this, &SearchResultsPanel::selectParameter);
    connect(this, &SearchResultsPanel::trialActivated, this, &SearchResultsPanel::highlightTrial);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            highlightTrial(current.data(TrialTableModel::TrialNumberRole).toInt());
    });
}

std::vector<TrialPlot *> SearchResultsPanel::plots() const
{
    return {m_history, m_parallel, m_slice, m_importance, m_edf};
}

void SearchResultsPanel::highlightTrial(int trialNumber)
{
    for (TrialPlot *plot : plots())
        plot->setSelectedTrial(trialNumber);
}

QWidget *SearchResultsPanel::buildPlotArea()
{
    m_tabs = new QTabWidget(this);
    m_history = new OptimizationHistoryPlot(m_tabs);
    auto *historyPage = new QWidget(m_tabs);
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(2, 2, 2, 2);
    auto *logLoss = new QCheckBox(tr("Logarithmic loss axis"), historyPage);
    connect(logLoss, &QCheckBox::toggled, m_history, &OptimizationHistoryPlot::setLogLoss);
    historyLayout->addWidget(logLoss);
    historyLayout->addWidget(m_history, 1);
    m_tabs->addTab(historyPage, tr("History"));

    m_parallel = new ParallelCoordinatesPlot(m_tabs);
    m_tabs->addTab(m_parallel, tr("Parallel coordinates"));

    auto *slicePage = new QWidget(m_tabs);
    auto *sliceLayout = new QVBoxLayout(slicePage);
    sliceLayout->setContentsMargins(2, 2, 2, 2);
    auto *sliceRow = new QHBoxLayout;
    sliceRow->addWidget(new QLabel(tr("Parameter:"), slicePage));
    m_sliceParameter = new QComboBox(slicePage);
    m_sliceParameter->setMinimumContentsLength(18);
    sliceRow->addWidget(m_sliceParameter);
    sliceRow->addStretch(1);
    m_slice = new SlicePlot(slicePage);
    sliceLayout->addLayout(sliceRow);
    sliceLayout->addWidget(m_slice, 1);
    connect(m_sliceParameter, &QComboBox::currentIndexChanged, this, &SearchResultsPanel::selectParameter);
    m_tabs->addTab(slicePage, tr("Slice"));

    m_importance = new ImportancePlot(m_tabs);
    m_tabs->addTab(m_importance, tr("Importance"));
    m_edf = new EdfPlot(m_tabs);
    m_tabs->addTab(m_edf, tr("EDF"));
    m_visiblePlot = m_history;
    const std::vector<TrialPlot *> byTab{m_history, m_parallel, m_slice, m_importance, m_edf};
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, byTab](int index) {
        m_visiblePlot = index >= 0 && index < int(byTab.size()) ? byTab[std::size_t(index)] : nullptr;
        if (m_visiblePlot)
            refreshPlot(m_visiblePlot); // it may have missed updates while hidden
    });
    return m_tabs;
}

QWidget *SearchResultsPanel::buildTableArea()
{
    auto *area = new QWidget(this);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_state = new QComboBox(area);
    m_state->addItem(tr("All states"), -1);
    m_state->addItem(tr("Complete"), int(TrialState::Complete));
    m_state->addItem(tr("Failed"), int(TrialState::Fail));
    m_state->addItem(tr("Running"), int(TrialState::Running));
    m_state->addItem(tr("Pruned"), int(TrialState::Pruned));
    m_filter = new QLineEdit(area);
    m_filter->setPlaceholderText(tr("Filter trials (any column contains…)"));
    m_filter->setClearButtonEnabled(true);
    auto *clearBrushes = new QPushButton(tr("Clear brushes"), area);
    auto *exportButton = new QPushButton(tr("Export trials…"), area);
    m_count = new QLabel(area);
    row->addWidget(m_state);
    row->addWidget(m_filter, 1);
    row->addWidget(clearBrushes);
    row->addWidget(exportButton);
    row->addWidget(m_count);
    layout->addLayout(row);

    m_table = new QTableView(area);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setMinimumSectionSize(48);
    layout->addWidget(m_table, 1);

    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStateFilter(m_state->currentData().toInt());
        updateCountLabel();
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setTextFilter(text);
        updateCountLabel();
    });
    connect(clearBrushes, &QPushButton::clicked, m_parallel, &ParallelCoordinatesPlot::clearBrushes);
    connect(exportButton, &QPushButton::clicked, this, &SearchResultsPanel::exportWithDialog);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT trialActivated(index.data(TrialTableModel::TrialNumberRole).toInt());
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT trialActivated(index.data(TrialTableModel::TrialNumberRole).toInt());
    });
    return area;
}

void SearchResultsPanel::setStudy(const SearchSpace &space, const std::vector<Trial> &trials)
{
    for (TrialPlot *plot : plots()) { // another study: no zoom or selection of the previous one
        plot->setSelectedTrial(-1);
        plot->resetView();
    }
    m_parallel->clearBrushes();
    m_proxy->clearBrushes();
    m_model->reset(space, trials);
    const QSignalBlocker blocker(m_sliceParameter);
    m_sliceParameter->clear();
    for (const SearchParameter &parameter : space.parameters())
        m_sliceParameter->addItem(QString::fromStdString(parameter.name));
    selectParameter(space.size() > 0 ? 0 : -1);
    refreshPlots(PlotRefresh::All);
    m_table->resizeColumnsToContents();
}

void SearchResultsPanel::updateTrials(const std::vector<Trial> &trials, PlotRefresh refresh)
{
    const bool first = m_model->rowCount() == 0;
    m_model->update(trials);
    refreshPlots(refresh);
    if (first && m_model->rowCount() > 0)
        m_table->resizeColumnsToContents(); // once, from the first rows: later values have the same shape
}

void SearchResultsPanel::refreshPlots(PlotRefresh refresh)
{
    if (refresh == PlotRefresh::VisibleOnly) {
        if (m_visiblePlot)
            refreshPlot(m_visiblePlot);
    } else {
        for (TrialPlot *plot : plots())
            refreshPlot(plot);
    }
    updateCountLabel();
}

void SearchResultsPanel::refreshPlot(TrialPlot *plot)
{
    plot->setTrials(m_model->space(), m_model->trials());
}

void SearchResultsPanel::updateCountLabel()
{
    m_count->setText(tr("%1 of %2 trials").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void SearchResultsPanel::selectParameter(int parameter)
{
    {
        const QSignalBlocker blocker(m_sliceParameter);
        m_sliceParameter->setCurrentIndex(parameter);
    }
    m_slice->setParameter(parameter);
    for (TrialPlot *plot : plots())
        plot->setSelectedParameter(parameter);
}

void SearchResultsPanel::selectTrial(int trialNumber)
{
    const int row = m_model->rowOf(trialNumber);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

bool SearchResultsPanel::exportTrials(const QString &path, QString *error) const
{
    const QByteArray bytes = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? m_model->toJson()
                                                                                        : m_model->toCsv().toUtf8();
    const Status written = ExportFile::write(path, bytes);
    if (!written.isOk() && error)
        *error = QString::fromStdString(written.message());
    return written.isOk();
}

void SearchResultsPanel::exportWithDialog()
{
    const QString path = RecentFolder::getSaveFileName(this, FolderPurpose::Exports, tr("Export trials"),
                                                       QStringLiteral("trials.csv"), tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTrials(path, &error))
        QMessageBox::warning(this, tr("Export trials"), error);
}

} // namespace loupe
