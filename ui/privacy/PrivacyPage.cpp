#include "ui/privacy/PrivacyPage.h"

#include "ui/common/RecentFolder.h"
#include "jobs/JobRunner.h"
#include "core/data/CsvWriter.h"
#include "core/privacy/TableMasking.h"
#include "ui/common/DatasetSession.h"
#include "ui/common/ExportFile.h"
#include "ui/common/MessageBanner.h"
#include "ui/privacy/PiiColumnModel.h"
#include "ui/privacy/PiiFindingModel.h"
#include "ui/privacy/KAnonymityPanel.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace loupe {

namespace {

const QString kScanSlot = QStringLiteral("privacy-scan");
const QString kAuditSlot = QStringLiteral("privacy-audit");

QTableView *makeTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

PrivacyPage::PrivacyPage(const PageContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    buildUi();
    connect(m_context.dataset, &DatasetSession::datasetChanged, this, &PrivacyPage::onDatasetChanged);
    onDatasetChanged();
}

PrivacyPage::~PrivacyPage()
{
    if (m_scanRun)
        m_context.runner->cancel(m_scanRun);
    if (m_auditRun)
        m_context.runner->cancel(m_auditRun);
}

void PrivacyPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("privacySummary"));
    m_scanButton = new QPushButton(tr("Scan for personal data"), this);
    m_scanButton->setObjectName(QStringLiteral("scanButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    top->addWidget(m_summary, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancelButton);
    top->addWidget(m_scanButton);
    m_message = new MessageBanner(this);

    m_columnModel = new PiiColumnModel(this);
    m_findingModel = new PiiFindingModel(this);
    m_columnView = makeTable(this);
    m_columnView->setObjectName(QStringLiteral("piiColumns"));
    m_columnView->setModel(m_columnModel);
    m_findingView = makeTable(this);
    m_findingView->setObjectName(QStringLiteral("piiFindings"));
    m_findingView->setModel(m_findingModel);
    m_findingView->setToolTip(tr("Double-click a finding to show its cell on the Data page"));
    // Before the first scan the tables are empty: size the columns to their titles, or "Examples
    // (masked)" is cut at the default section width.
    m_columnView->resizeColumnsToContents();
    m_findingView->resizeColumnsToContents();
    m_findingTitle = new QLabel(tr("<b>Findings</b>"), this);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Columns</b> — select a column to list its findings and choose what to "
                                        "do with it in the cleaned copy"),
                                     left));
    leftLayout->addWidget(m_columnView, 3);
    leftLayout->addWidget(buildActionBar());
    leftLayout->addWidget(m_findingTitle);
    leftLayout->addWidget(m_findingView, 2);

    m_kPanel = new KAnonymityPanel(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_kPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 340});

    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_scanButton, &QPushButton::clicked, this, &PrivacyPage::scan);
    connect(m_cancelButton, &QPushButton::clicked, this, &PrivacyPage::cancelScan);
    connect(m_kPanel, &KAnonymityPanel::auditRequested, this, &PrivacyPage::startAudit);
    connect(m_columnView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PrivacyPage::onColumnSelectionChanged);
    connect(m_findingView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const PiiFinding &finding = m_findingModel->findingAt(index.row());
        const QString column = m_findingModel->index(index.row(), PiiFindingModel::NameColumn).data().toString();
        Q_EMIT showFindingCell(column, quint64(finding.row));
    });
    setScanningUi(false);
}

QWidget *PrivacyPage::buildActionBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Selected column:"), bar));
    const auto addAction = [this, bar, row](const QString &text, ColumnTreatment treatment) {
        auto *button = new QPushButton(text, bar);
        connect(button, &QPushButton::clicked, this, [this, treatment]() { setTreatmentOfSelection(treatment); });
        row->addWidget(button);
    };
    addAction(tr("Keep"), ColumnTreatment::Keep);
    addAction(tr("Drop"), ColumnTreatment::Drop);
    addAction(tr("Mask findings"), ColumnTreatment::MaskFindings);
    addAction(tr("Mask every cell"), ColumnTreatment::MaskAll);
    row->addStretch(1);
    m_saveButton = new QPushButton(tr("Save cleaned CSV…"), bar);
    m_saveButton->setObjectName(QStringLiteral("saveCleanedButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &PrivacyPage::saveWithDialog);
    row->addWidget(m_saveButton);
    return bar;
}

void PrivacyPage::onDatasetChanged()
{
    if (m_scanRun)
        cancelScan();
    m_columnModel->clear();
    m_findingModel->clear();
    m_totalFindings = 0;
    m_message->clear();
    const LoadedTable &current = m_context.dataset->current();
    QStringList names;
    if (current.table)
        for (const Column &column : current.table->columns())
            names << QString::fromStdString(column.name());
    m_kPanel->setColumns(names);
    setScanningUi(false);
    m_findingTitle->setText(tr("<b>Findings</b>"));
    m_summary->setText(summaryText());
}

QString PrivacyPage::summaryText() const
{
    const LoadedTable &current = m_context.dataset->current();
    if (!current.table)
        return tr("No dataset loaded — open a CSV file on the Data page.");
    const QLocale locale;
    QString text = tr("%1 — %2 rows × %3 columns")
                       .arg(QFileInfo(current.path).fileName(), locale.toString(qulonglong(current.table->rowCount())))
                       .arg(current.table->columnCount());
    if (m_columnModel->rowCount() > 0)
        text += tr(" · %1 finding(s)").arg(locale.toString(qulonglong(m_totalFindings)));
    return text;
}

QString PrivacyPage::findingTitle() const
{
    return m_findingTitle->text();
}

QString PrivacyPage::messageText() const
{
    return m_message->text();
}

void PrivacyPage::setScanningUi(bool scanning)
{
    const bool hasData = m_context.dataset->hasDataset();
    m_scanButton->setEnabled(hasData && !scanning);
    m_cancelButton->setVisible(scanning);
    m_progress->setVisible(scanning);
    m_saveButton->setEnabled(hasData && !scanning);
    m_kPanel->setBusy(!hasData || scanning);
    if (scanning)
        m_progress->setValue(0);
}

void PrivacyPage::scan()
{
    const LoadedTable &current = m_context.dataset->current();
    if (!current.table)
        return;
    PiiScanRequest request;
    request.table = current.table;
    request.workspace = m_context.workspace;
    request.datasetId = current.datasetId;
    auto *job = new PiiScanJob(std::move(request));
    JobRunner *runner = m_context.runner;
    runner->connectCurrent(job, &PiiScanJob::progress, this, [this](double fraction, const QString &stage) {
        m_progress->setValue(int(fraction * 1000));
        m_progress->setFormat(stage + QStringLiteral(" %p%"));
    });
    runner->connectCurrent(job, &PiiScanJob::finished, this,
                           [this](const PiiScanOutcome &outcome) { onScanFinished(outcome); });
    runner->connectCurrent(job, &PiiScanJob::failed, this, [this](const QString &message) {
        m_scanRun = 0;
        setScanningUi(false);
        m_message->showMessage(tr("The scan failed: %1").arg(message), MessageBanner::Kind::Error);
        Q_EMIT scanFailed(message);
    });
    runner->connectCurrent(job, &PiiScanJob::cancelled, this, [this]() {
        m_scanRun = 0;
        setScanningUi(false);
        Q_EMIT scanCancelled();
    });
    m_message->clear();
    m_scanRun = runner->start(job, kScanSlot);
    setScanningUi(true);
}

void PrivacyPage::cancelScan()
{
    if (!m_scanRun)
        return;
    m_context.runner->cancel(m_scanRun);
    m_scanRun = 0;
    setScanningUi(false);
    m_message->showMessage(tr("Scan cancelled."), MessageBanner::Kind::Info);
    Q_EMIT scanCancelled();
}

void PrivacyPage::onScanFinished(const PiiScanOutcome &outcome)
{
    m_scanRun = 0;
    setScanningUi(false);
    const PiiScanReport &report = outcome.report;
    m_totalFindings = report.totalFindings;
    m_columnModel->setReport(report);
    m_findingModel->setReport(report);
    m_columnView->resizeColumnsToContents();
    m_findingView->resizeColumnsToContents();
    updateFindingTitle();
    const double megabytes = double(report.textBytes) / 1e6;
    QString note = tr("Scanned %1 MB of text in %2 s on %3 thread(s).")
                       .arg(megabytes, 0, 'f', 1)
                       .arg(report.seconds, 0, 'f', 3)
                       .arg(report.threads);
    const bool unrecorded = outcome.recordedRunId < 0 && !outcome.workspaceNote.isEmpty();
    if (outcome.recordedRunId >= 0)
        note += tr(" Stored as scan run %1.").arg(outcome.recordedRunId);
    else if (unrecorded)
        note += QLatin1Char(' ') + outcome.workspaceNote;
    m_message->showMessage(note, unrecorded ? MessageBanner::Kind::Warning : MessageBanner::Kind::Info);
    m_summary->setText(summaryText());
    Q_EMIT scanFinished();
}

void PrivacyPage::startAudit(const QStringList &columns, int k)
{
    const LoadedTable &current = m_context.dataset->current();
    if (!current.table || columns.isEmpty())
        return;
    PiiScanRequest request;
    request.table = current.table;
    request.mode = PiiJobMode::AuditOnly;
    for (const QString &column : columns)
        request.quasiColumns.push_back(column.toStdString());
    request.k = std::size_t(k);
    auto *job = new PiiScanJob(std::move(request));
    JobRunner *runner = m_context.runner;
    runner->connectCurrent(job, &PiiScanJob::finished, this, [this](const PiiScanOutcome &outcome) {
        m_auditRun = 0;
        m_kPanel->setBusy(false);
        showOutcomeAudit(outcome);
        Q_EMIT auditFinished();
    });
    runner->connectCurrent(job, &PiiScanJob::failed, this, [this](const QString &message) {
        m_auditRun = 0;
        m_kPanel->setBusy(false);
        m_kPanel->showError(message);
    });
    m_auditRun = runner->start(job, kAuditSlot);
    m_kPanel->setBusy(true);
}

void PrivacyPage::showOutcomeAudit(const PiiScanOutcome &outcome)
{
    if (outcome.kAnonymity)
        m_kPanel->showReport(*outcome.kAnonymity);
    else
        m_kPanel->showError(outcome.kAnonymityError);
}

void PrivacyPage::onColumnSelectionChanged()
{
    const QModelIndexList rows = m_columnView->selectionModel()->selectedRows();
    m_findingModel->setColumnFilter(rows.size() == 1 ? int(m_columnModel->columnAt(rows.front().row()).index) : -1);
    updateFindingTitle();
}

// The title counts what the list shows: every column's findings, or the selected column's.
void PrivacyPage::updateFindingTitle()
{
    const QLocale locale;
    const QModelIndexList rows = m_columnView->selectionModel()->selectedRows();
    if (m_findingModel->columnFilter() < 0 || rows.size() != 1) {
        m_findingTitle->setText(tr("<b>Findings</b> — %1 listed of %2 (row = data row as on the Data page)")
                                    .arg(locale.toString(m_findingModel->rowCount()),
                                         locale.toString(qulonglong(m_totalFindings))));
        return;
    }
    const PiiColumnReport &column = m_columnModel->columnAt(rows.front().row());
    const QString name = QString::fromStdString(column.name).toHtmlEscaped();
    if (column.total() == 0) {
        m_findingTitle->setText(tr("<b>Findings</b> — none in “%1”").arg(name));
        return;
    }
    m_findingTitle->setText(tr("<b>Findings</b> in “%1” — %2 listed of %3 (the list keeps the first findings of the "
                               "whole table)")
                                .arg(name, locale.toString(m_findingModel->rowCount()),
                                     locale.toString(qulonglong(column.total()))));
}

void PrivacyPage::setTreatmentOfSelection(ColumnTreatment treatment)
{
    for (const QModelIndex &row : m_columnView->selectionModel()->selectedRows())
        m_columnModel->setTreatment(row.row(), treatment);
}

QString PrivacyPage::saveCleanedCsv(const QString &path)
{
    const LoadedTable &current = m_context.dataset->current();
    if (!current.table)
        return tr("No dataset loaded.");
    auto cleaned = TableMasking::apply(*current.table, m_columnModel->actions());
    if (!cleaned.isOk())
        return QString::fromStdString(cleaned.message());
    // Never over the dataset it cleans (also through a link); owner-only when new, as it holds personal data.
    if (Status checked = ExportFile::check(path, {current.path}); !checked.isOk())
        return QString::fromStdString(checked.message());
    const Status written = CsvWriter::writeFile(cleaned.value(), ExportFile::target(path));
    if (!written.isOk())
        return QString::fromStdString(written.message());
    Q_EMIT cleanedCsvSaved(path);
    return {};
}

void PrivacyPage::saveWithDialog()
{
    const LoadedTable &current = m_context.dataset->current();
    if (!current.table)
        return;
    const QFileInfo source(current.path);
    const QString path = RecentFolder::getSaveFileName(this, FolderPurpose::DataFiles, tr("Save cleaned CSV"),
                                                       source.completeBaseName() + QStringLiteral("-clean.csv"),
                                                       tr("CSV files (*.csv)"), source.absolutePath());
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = saveCleanedCsv(path);
    QApplication::restoreOverrideCursor();
    if (error.isEmpty())
        m_message->showMessage(tr("Saved the cleaned copy to %1 (%2 column action(s)).")
                                   .arg(QDir::toNativeSeparators(path))
                                   .arg(m_columnModel->actions().size()),
                               MessageBanner::Kind::Info);
    else
        m_message->showMessage(tr("Could not save: %1").arg(error), MessageBanner::Kind::Error);
}

} // namespace loupe
