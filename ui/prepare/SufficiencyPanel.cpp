#include "ui/prepare/SufficiencyPanel.h"

#include "ui/common/RecentFolder.h"
#include "jobs/JobRunner.h"
#include "jobs/SufficiencyJob.h"
#include "ui/common/DatasetSession.h"
#include "ui/common/MessageBanner.h"
#include "ui/prepare/SufficiencyModel.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace loupe {

SufficiencyPanel::SufficiencyPanel(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new SufficiencyModel(this))
{
    m_target = new QComboBox(this);
    m_target->setMinimumContentsLength(12);
    m_spec = new QLineEdit(this);
    m_spec->setPlaceholderText(tr("optional: path of a model spec file (.json), to compare the rows with its "
                                  "parameter count"));
    m_spec->setToolTip(tr("The file is read as you type: a missing file or a spec error shows below at once."));
    auto *browse = new QPushButton(tr("Spec…"), this);
    m_analyzeButton = new QPushButton(tr("Check data"), this);
    m_status = new MessageBanner(this);
    m_status->showMessage(tr("Load a dataset on the Data page."), MessageBanner::Kind::Info);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Target:"), this));
    controls->addWidget(m_target);
    controls->addWidget(m_spec, 1);
    controls->addWidget(browse);
    controls->addWidget(m_analyzeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(browse, &QPushButton::clicked, this, &SufficiencyPanel::chooseSpec);
    m_specCheck = new QTimer(this);
    m_specCheck->setSingleShot(true);
    m_specCheck->setInterval(300);
    connect(m_spec, &QLineEdit::textChanged, m_specCheck, qOverload<>(&QTimer::start));
    connect(m_specCheck, &QTimer::timeout, this, [this] { checkSpec(); });
    connect(m_analyzeButton, &QPushButton::clicked, this, &SufficiencyPanel::analyze);
    reloadColumns();
}

void SufficiencyPanel::reloadColumns()
{
    m_target->clear();
    m_model->clear();
    m_run = 0;
    const bool loaded = m_context.dataset && m_context.dataset->hasDataset();
    m_analyzeButton->setEnabled(loaded);
    if (!loaded) {
        m_status->showMessage(tr("Load a dataset on the Data page."), MessageBanner::Kind::Info);
        return;
    }
    for (const Column &column : m_context.dataset->current().table->columns())
        m_target->addItem(QString::fromStdString(column.name()));
    m_target->setCurrentIndex(m_target->count() - 1);
    m_status->showMessage(tr("Choose the column to predict and press Check data."), MessageBanner::Kind::Info);
}

void SufficiencyPanel::setTarget(const QString &column)
{
    m_target->setCurrentText(column);
}

QString SufficiencyPanel::target() const
{
    return m_target->currentText();
}

void SufficiencyPanel::setSpecPath(const QString &path)
{
    m_spec->setText(path);
}

bool SufficiencyPanel::checkSpec()
{
    m_specCheck->stop();
    const QString path = m_spec->text().trimmed();
    if (path.isEmpty())
        return true;
    auto spec = ModelSpec::fromFile(QFile::encodeName(path).toStdString());
    if (!spec.isOk()) {
        m_status->showMessage(QString::fromStdString(spec.message()), MessageBanner::Kind::Error);
        return false;
    }
    m_status->showMessage(tr("Model spec “%1”: it will be compared with the rows.")
                              .arg(QString::fromStdString(spec.value().name)),
                          MessageBanner::Kind::Info);
    return true;
}

QString SufficiencyPanel::statusText() const
{
    return m_status->text();
}

void SufficiencyPanel::chooseSpec()
{
    const QString path = RecentFolder::getOpenFileName(this, FolderPurpose::Specs, tr("Model spec"), tr("JSON (*.json)"));
    if (!path.isEmpty())
        m_spec->setText(path);
}

void SufficiencyPanel::analyze()
{
    if (!m_context.dataset || !m_context.dataset->hasDataset() || m_target->currentText().isEmpty())
        return;
    m_specCheck->stop(); // the spec is read just below; a pending check would only repeat it
    SufficiencyOptions options;
    options.target = m_target->currentText().toStdString();
    if (!m_spec->text().trimmed().isEmpty()) {
        auto spec = ModelSpec::fromFile(QFile::encodeName(m_spec->text().trimmed()).toStdString());
        if (!spec.isOk()) {
            onFailed(QString::fromStdString(spec.message()));
            return;
        }
        options.spec = spec.takeValue();
    }
    auto *job = new SufficiencyJob(m_context.dataset->current().table, std::move(options));
    JobRunner *runner = m_context.runner;
    runner->connectCurrent(job, &SufficiencyJob::finished, this,
                           [this](const SufficiencyReport &report) { onFinished(report); });
    runner->connectCurrent(job, &Job::failed, this, [this](const QString &message) { onFailed(message); });
    m_status->showMessage(tr("Checking…"), MessageBanner::Kind::Info);
    m_run = runner->start(job, QStringLiteral("prepare-sufficiency"));
}

void SufficiencyPanel::onFinished(const SufficiencyReport &report)
{
    m_run = 0;
    m_model->setReport(report);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeRowsToContents();
    QString summary = tr("%1 rows, %2 features, %3").arg(report.rows).arg(report.features).arg(QString::fromStdString(report.task));
    if (report.parameters > 0)
        summary += tr(", %1 model parameters").arg(report.parameters);
    const Verdict verdict = report.overall();
    m_status->showMessage(tr("Verdict: %1 — %2").arg(QString::fromStdString(verdictName(verdict)), summary),
                          verdict == Verdict::Ok        ? MessageBanner::Kind::Info
                          : verdict == Verdict::Warning ? MessageBanner::Kind::Warning
                                                        : MessageBanner::Kind::Error);
    Q_EMIT reportReady();
}

void SufficiencyPanel::onFailed(const QString &message)
{
    m_run = 0;
    m_model->clear();
    m_status->showMessage(tr("Could not check the data: %1").arg(message), MessageBanner::Kind::Error);
    Q_EMIT reportReady();
}

} // namespace loupe
