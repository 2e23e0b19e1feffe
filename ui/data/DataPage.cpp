#include "ui/data/DataPage.h"

#include "ui/common/DatasetSession.h"
#include "ui/common/DisplayFormat.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/RecentFolder.h"
#include "ui/data/TableModel.h"
#include "ui/data/ColumnPanel.h"
#include "ui/common/HistogramPlot.h"
#include "ui/data/TableQueryBar.h"

#include "jobs/ColumnStatsJob.h"
#include "jobs/JobRunner.h"
#include "jobs/LoadCsvJob.h"

#include "core/data/HistogramRows.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace loupe {

namespace {

const QString kLoadSlot = QStringLiteral("data.load");
const QString kStatsSlot = QStringLiteral("data.stats");
constexpr int kMaxInitialColumnWidth = 260;

QString delimiterName(char delimiter)
{
    switch (delimiter) {
    case '\t':
        return QStringLiteral("tab");
    case ' ':
        return QStringLiteral("space");
    default:
        return QStringLiteral("'%1'").arg(QLatin1Char(delimiter));
    }
}

} // namespace

DataPage::DataPage(const PageContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    buildTopBar();
    buildBody();
    setLoadingUi(false);
}

DataPage::~DataPage()
{
    if (m_loadRun)
        m_context.runner->cancel(m_loadRun);
}

void DataPage::buildTopBar()
{
    auto *bar = new QHBoxLayout;
    m_openButton = new QPushButton(tr("Open CSV…"), this);
    m_openButton->setObjectName(QStringLiteral("openCsv"));
    m_openButton->setToolTip(tr("Open a CSV file (Ctrl+O), or drop one on the window"));
    connect(m_openButton, &QPushButton::clicked, this, &DataPage::openWithDialog);
    bar->addWidget(m_openButton);
    m_skipBadRows = new QCheckBox(tr("Skip bad rows"), this);
    m_skipBadRows->setObjectName(QStringLiteral("skipBadRows"));
    m_skipBadRows->setToolTip(tr("Drop rows with the wrong number of fields (and list the first few) instead of "
                                 "refusing the file. Other faults, such as an unterminated quote, still stop the load."));
    bar->addWidget(m_skipBadRows);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setTextFormat(Qt::RichText);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_summaryLabel, 1);

    m_loadingLabel = new QLabel(this);
    m_loadingLabel->setObjectName(QStringLiteral("loadingFile"));
    bar->addWidget(m_loadingLabel);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setFixedWidth(260);
    m_progress->setFormat(tr("%p %"));
    bar->addWidget(m_progress);

    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoad"));
    m_cancelButton->setToolTip(tr("Stop loading this file"));
    connect(m_cancelButton, &QPushButton::clicked, this, &DataPage::cancelLoad);
    bar->addWidget(m_cancelButton);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);

    m_message = new MessageBanner(this);
    m_message->setObjectName(QStringLiteral("loadMessage"));
    layout()->addWidget(m_message);
}

void DataPage::buildBody()
{
    m_body = new QStackedWidget(this);
    auto *placeholder = new QLabel(tr("Open a CSV file with <b>File ▸ Open CSV…</b> (Ctrl+O),<br>"
                                      "or drop one on this window."),
                                   m_body);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 14pt;"));
    m_body->addWidget(placeholder);

    auto *splitter = new QSplitter(Qt::Horizontal, m_body);
    auto *tableSide = new QWidget(splitter);
    auto *tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    m_model = new TableModel(this);
    m_view = new QTableView(tableSide);
    m_view->setModel(m_model);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    // Fixed row heights: the view never measures rows, so a million of them scroll smoothly.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    m_view->horizontalHeader()->setHighlightSections(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentColumnChanged, this,
            [this](const QModelIndex &current) { onCurrentColumnChanged(current.isValid() ? current.column() : -1); });

    m_queryBar = new TableQueryBar(m_context.runner, m_model, m_view, tableSide);
    m_queryBar->setObjectName(QStringLiteral("tableQuery"));
    tableLayout->addWidget(m_queryBar);
    tableLayout->addWidget(m_view, 1);
    // A new order resets the model: keep the column the user inspects (and its statistics) across it.
    connect(m_queryBar, &TableQueryBar::orderAboutToChange, this, [this] { m_columnAcrossOrder = m_currentColumn; });
    connect(m_queryBar, &TableQueryBar::orderApplied, this, [this] {
        if (m_columnAcrossOrder >= 0 && m_columnAcrossOrder < m_model->columnCount())
            selectColumn(m_columnAcrossOrder);
        m_columnAcrossOrder = -1;
    });

    m_columnPanel = new ColumnPanel(splitter);
    m_columnPanel->setMinimumWidth(320);
    m_columnPanel->plot()->setClickHint(tr("click: select these rows in the table"));
    connect(m_columnPanel->plot(), &HistogramPlot::barClicked, this, &DataPage::selectRowsOfBar);
    splitter->addWidget(tableSide);
    splitter->addWidget(m_columnPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 420});
    m_body->addWidget(splitter);
    layout()->addWidget(m_body);
}

void DataPage::setLoadingUi(bool loading)
{
    m_loadingLabel->setVisible(loading);
    m_progress->setVisible(loading);
    m_cancelButton->setVisible(loading);
    m_cancelButton->setEnabled(loading);
    if (loading)
        m_progress->setValue(0);
}

QString DataPage::messageText() const
{
    return m_message->text();
}

QString DataPage::summaryText() const
{
    return m_summaryLabel->text();
}

void DataPage::openWithDialog()
{
    const QString path = RecentFolder::getOpenFileName(this, FolderPurpose::DataFiles, tr("Open CSV file"),
                                                       tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

CsvOptions DataPage::csvOptions() const
{
    CsvOptions options;
    options.badRows = m_skipBadRows->isChecked() ? BadRowPolicy::Skip : BadRowPolicy::Error;
    return options;
}

void DataPage::setSkipBadRows(bool skip)
{
    m_skipBadRows->setChecked(skip);
}

void DataPage::loadFile(const QString &path)
{
    loadFile(path, csvOptions());
}

void DataPage::loadFile(const QString &path, const CsvOptions &options)
{
    JobRunner *runner = m_context.runner;
    auto *job = new LoadCsvJob(path, options, m_context.workspace);
    runner->connectCurrent(job, &Job::progress, this,
                           [this](double fraction, const QString &stage) { onLoadProgress(fraction, stage); });
    runner->connectCurrent(job, &LoadCsvJob::finished, this, [this](const LoadedTable &loaded) { onLoadFinished(loaded); });
    runner->connectCurrent(job, &Job::failed, this, [this](const QString &message) { onLoadFailed(message); });
    runner->connectCurrent(job, &Job::cancelled, this, [this] { onLoadCancelled(); });
    m_loadingPath = path;
    m_loadRun = runner->start(job, kLoadSlot);
    m_message->clear();
    setLoadingUi(true);
    m_loadingLabel->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    m_loadingLabel->setToolTip(QDir::toNativeSeparators(path));
    Q_EMIT loadStarted(path);
}

void DataPage::cancelLoad()
{
    if (!m_loadRun)
        return;
    m_context.runner->cancel(m_loadRun);
    onLoadCancelled();
}

void DataPage::onLoadProgress(double fraction, const QString &stage)
{
    m_progress->setValue(int(fraction * 1000.0));
    m_progress->setFormat(QStringLiteral("%1 %p %").arg(stage));
}

void DataPage::onLoadFinished(const LoadedTable &loaded)
{
    m_loadRun = 0;
    setLoadingUi(false);
    m_context.runner->cancel(m_context.runner->currentRun(kStatsSlot)); // statistics of the old table
    m_statsCache.clear();
    m_currentColumn = -1;
    m_model->setTable(loaded.table);
    m_queryBar->resetForTable();
    m_context.dataset->setCurrent(loaded);
    m_body->setCurrentIndex(1);
    resizeColumns();

    const Table &table = *loaded.table;
    QString summary = tr("<b>%1</b> — %2 rows × %3 columns · read in %4 · delimiter %5")
                          .arg(QFileInfo(loaded.path).fileName().toHtmlEscaped(), formatCount(table.rowCount()),
                               formatCount(table.columnCount()), displaySeconds(loaded.seconds),
                               delimiterName(loaded.delimiter).toHtmlEscaped());
    if (loaded.skippedRows > 0)
        summary += tr(" · %1 bad rows skipped").arg(formatCount(loaded.skippedRows));
    m_summaryLabel->setText(summary);
    m_summaryLabel->setToolTip(QDir::toNativeSeparators(loaded.path));
    if (!loaded.workspaceNote.isEmpty())
        m_message->showMessage(tr("Loaded, but not recorded in the workspace: %1").arg(loaded.workspaceNote),
                               MessageBanner::Kind::Warning);
    else
        showSkippedRows(loaded);

    if (table.columnCount() > 0) {
        selectColumn(0);
        m_view->setFocus(); // arrow keys browse the table right away
    } else {
        m_columnPanel->clear();
    }
    Q_EMIT loadFinished(loaded.path);
}

void DataPage::onLoadFailed(const QString &message)
{
    m_loadRun = 0;
    setLoadingUi(false);
    m_message->showMessage(
        tr("Could not load %1\n%2").arg(QDir::toNativeSeparators(m_loadingPath), describeLoadError(message)),
        MessageBanner::Kind::Error);
    Q_EMIT loadFailed(message);
}

// "Skipped 14 rows with the wrong number of fields; the first 5: / line 3: row has 1 field, ..." as a warning.
void DataPage::showSkippedRows(const LoadedTable &loaded)
{
    if (loaded.skippedRows == 0)
        return;
    QString text = loaded.skippedRows == 1
                       ? tr("Skipped 1 row with the wrong number of fields:")
                       : loaded.skippedSamples.size() < loaded.skippedRows
                             ? tr("Skipped %1 rows with the wrong number of fields; the first %2:")
                                   .arg(formatCount(loaded.skippedRows))
                                   .arg(loaded.skippedSamples.size())
                             : tr("Skipped %1 rows with the wrong number of fields:").arg(formatCount(loaded.skippedRows));
    for (const CsvSkippedRow &row : loaded.skippedSamples)
        text += tr("\nline %1: %2").arg(row.line).arg(QString::fromStdString(row.reason));
    m_message->showMessage(text, MessageBanner::Kind::Warning);
}

QString DataPage::describeLoadError(const QString &readerMessage)
{
    static const QRegularExpression located(QStringLiteral("^(.*?):(\\d+):(\\d+): (.*)$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = located.match(readerMessage);
    if (!match.hasMatch())
        return readerMessage;
    return tr("Line %1, column %2: %3").arg(match.captured(2), match.captured(3), match.captured(4));
}

void DataPage::onLoadCancelled()
{
    if (!m_loadRun)
        return;
    m_loadRun = 0;
    setLoadingUi(false);
    m_message->showMessage(tr("Loading of %1 was cancelled.").arg(QDir::toNativeSeparators(m_loadingPath)),
                           MessageBanner::Kind::Info);
    Q_EMIT loadCancelled();
}

void DataPage::resizeColumns()
{
    m_view->resizeColumnsToContents();
    QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        header->resizeSection(c, qMin(header->sectionSize(c) + 12, kMaxInitialColumnWidth));
}

std::size_t DataPage::highlightCells(const QStringList &columns, const QVector<quint64> &rows)
{
    std::vector<int> indices;
    const std::shared_ptr<const Table> &table = m_model->table();
    for (const QString &name : columns)
        if (table)
            if (const auto index = table->indexOf(name.toStdString()))
                indices.push_back(int(*index));
    m_model->highlightCells(indices, std::vector<quint64>(rows.begin(), rows.end()));
    const std::vector<quint64> &highlighted = m_model->highlightedRows(); // table rows
    m_view->clearSelection();
    if (highlighted.empty() || m_model->columnCount() == 0)
        return 0;
    std::size_t shown = 0;
    std::size_t hidden = 0;
    const std::vector<int> viewRows = m_model->highlightedViewRows(kMaxSelectedRows, &shown, &hidden);
    QItemSelection selection;
    const int lastColumn = m_model->columnCount() - 1;
    for (int row : viewRows) {
        if (indices.empty())
            selection.select(m_model->index(row, 0), m_model->index(row, lastColumn));
        for (int column : indices)
            selection.select(m_model->index(row, column), m_model->index(row, column));
    }
    if (!viewRows.empty()) {
        const QModelIndex first = m_model->index(viewRows.front(), indices.empty() ? 0 : indices.front());
        m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first, QAbstractItemView::PositionAtCenter);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (hidden > 0)
        m_message->showMessage(tr("%1 of the %2 highlighted rows are hidden by the filter; clear the filter to see "
                                  "them.")
                                   .arg(formatCount(hidden), formatCount(hidden + shown)),
                               MessageBanner::Kind::Info);
    return hidden;
}

void DataPage::selectRowsOfBar(int bar)
{
    const HistogramPlot *plot = m_columnPanel->plot();
    const ColumnStats &stats = plot->stats();
    const std::shared_ptr<const Table> &table = m_model->table();
    const Column *column = table ? table->find(stats.name) : nullptr;
    if (!column || bar < 0)
        return;
    const bool histogram = plot->kind() == HistogramPlot::Kind::Histogram;
    const std::vector<std::uint64_t> rows = histogram ? HistogramRows::inBin(*column, stats, std::size_t(bar))
                                                      : HistogramRows::withTopValue(*column, stats, std::size_t(bar));
    const QString name = QString::fromStdString(stats.name);
    if (highlightCells({name}, QVector<quint64>(rows.begin(), rows.end())) > 0)
        return; // the message says how many the filter hides
    const QString what = histogram ? tr("%1 from %2 to %3").arg(name, formatStatistic(stats.histogram[std::size_t(bar)].lower, stats.type),
                                                              formatStatistic(stats.histogram[std::size_t(bar)].upper, stats.type))
                                   : tr("%1 = “%2”").arg(name, QString::fromStdString(stats.topValues[std::size_t(bar)].label));
    m_message->showMessage(rows.size() > std::size_t(kMaxSelectedRows)
                               ? tr("%1: %2 rows highlighted, the first %3 selected").arg(what, formatCount(rows.size()),
                                                                                        formatCount(quint64(kMaxSelectedRows)))
                               : tr("%1: %2 rows highlighted and selected").arg(what, formatCount(rows.size())),
                           MessageBanner::Kind::Info);
}

void DataPage::selectColumn(int column)
{
    Q_ASSERT(column >= 0 && column < m_model->columnCount());
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(row, column));
    if (m_currentColumn != column)
        onCurrentColumnChanged(column); // a table without rows has no index to make current
}

void DataPage::onCurrentColumnChanged(int column)
{
    if (column == m_currentColumn)
        return;
    m_currentColumn = column;
    const std::shared_ptr<const Table> &table = m_model->table();
    if (column < 0 || !table) {
        m_columnPanel->clear();
        return;
    }
    auto cached = m_statsCache.constFind(column);
    if (cached != m_statsCache.constEnd()) {
        m_columnPanel->showStats(*cached);
        Q_EMIT columnStatsShown(column);
        return;
    }
    m_columnPanel->showPending(QString::fromStdString(table->column(std::size_t(column)).name()));
    auto *job = new ColumnStatsJob(table, column);
    m_context.runner->connectCurrent(job, &ColumnStatsJob::finished, this,
                                     [this](const ColumnSummary &summary) { onStatsFinished(summary); });
    m_context.runner->connectCurrent(job, &Job::failed, this, [this](const QString &message) {
        m_columnPanel->clear();
        m_message->showMessage(tr("Could not compute column statistics: %1").arg(message), MessageBanner::Kind::Error);
    });
    m_context.runner->start(job, kStatsSlot);
}

void DataPage::onStatsFinished(const ColumnSummary &summary)
{
    m_statsCache.insert(summary.column, summary.stats);
    if (summary.column != m_currentColumn)
        return;
    m_columnPanel->showStats(summary.stats);
    Q_EMIT columnStatsShown(summary.column);
}

} // namespace loupe
