#include "ui/prepare/ScalingPanel.h"

#include "core/privacy/ColumnNameHints.h"
#include "ui/common/RecentFolder.h"
#include "jobs/JobRunner.h"
#include "jobs/SaveScaledJob.h"
#include "ui/common/DatasetSession.h"
#include "ui/common/HistogramPlot.h"
#include "ui/common/MessageBanner.h"

#include "core/data/HistogramRows.h"
#include "core/data/Table.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace loupe {

namespace {

const ScalingMethod s_methods[] = {ScalingMethod::Standardize, ScalingMethod::MinMax, ScalingMethod::MeanNormalize,
                                   ScalingMethod::UnitL1, ScalingMethod::UnitL2};

QString methodLabel(ScalingMethod method)
{
    switch (method) {
    case ScalingMethod::Standardize:
        return QObject::tr("Standardization (z-score)");
    case ScalingMethod::MinMax:
        return QObject::tr("Min-max to [0, 1]");
    case ScalingMethod::MeanNormalize:
        return QObject::tr("Mean normalization");
    case ScalingMethod::UnitL1:
        return QObject::tr("Unit length (L1, per row)");
    case ScalingMethod::UnitL2:
        return QObject::tr("Unit length (L2, per row)");
    default:
        return QObject::tr("None");
    }
}

} // namespace

ScalingPanel::ScalingPanel(const PageContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    m_before = new HistogramPlot(this);
    m_after = new HistogramPlot(this);
    m_before->setMinimumSize(260, 200);
    m_after->setMinimumSize(260, 200);
    for (HistogramPlot *plot : {m_before, m_after})
        plot->setClickHint(tr("click: ring where these rows fall on the other histogram"));
    connect(m_before, &HistogramPlot::barClicked, this, [this](int bar) { selectBar(Side::Before, bar); });
    connect(m_after, &HistogramPlot::barClicked, this, [this](int bar) { selectBar(Side::After, bar); });
    auto *plots = new QHBoxLayout;
    plots->addWidget(m_before, 1);
    plots->addWidget(m_after, 1);
    auto *right = new QVBoxLayout;
    m_status = new MessageBanner(this);
    right->addWidget(m_status);
    right->addLayout(plots, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildControls());
    layout->addLayout(right, 1);
    reloadColumns();
}

QWidget *ScalingPanel::buildControls()
{
    auto *controls = new QWidget(this);
    controls->setMaximumWidth(300);
    m_method = new QComboBox(controls);
    for (ScalingMethod method : s_methods)
        m_method->addItem(methodLabel(method), int(method));
    m_columns = new QListWidget(controls);
    m_columns->setMinimumHeight(80);
    m_columns->setMaximumHeight(200); // about ten columns; more scroll, and the buttons stay together
    m_testFraction = new QDoubleSpinBox(controls);
    m_testFraction->setRange(0.0, 0.9);
    m_testFraction->setSingleStep(0.05);
    m_testFraction->setValue(0.2);
    m_seed = new QSpinBox(controls);
    m_seed->setRange(0, 1000000);
    m_fitOnAll = new QCheckBox(tr("Fit on every row (the chapter's mistake)"), controls);
    m_fitOnAll->setToolTip(tr("Refused whenever there is a test split: test statistics would leak into training."));
    m_fitButton = new QPushButton(tr("Fit on training rows"), controls);
    m_shown = new QComboBox(controls);
    m_shown->setObjectName(QStringLiteral("histogramColumn"));
    m_saveCsv = new QPushButton(tr("Save scaled CSV…"), controls);
    m_saveParameters = new QPushButton(tr("Save parameters…"), controls);

    auto *form = new QFormLayout;
    form->addRow(tr("Method:"), m_method);
    form->addRow(tr("Test fraction:"), m_testFraction);
    form->addRow(tr("Split seed:"), m_seed);
    auto *column = new QVBoxLayout(controls);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form);
    column->addWidget(new QLabel(tr("Columns:"), controls));
    column->addWidget(m_columns);
    column->addWidget(m_fitOnAll);
    column->addWidget(m_fitButton);
    auto *shown = new QFormLayout;
    shown->addRow(tr("Histogram of:"), m_shown);
    column->addLayout(shown);
    column->addWidget(m_saveCsv);
    column->addWidget(m_saveParameters);
    column->addStretch(1);

    connect(m_fitButton, &QPushButton::clicked, this, &ScalingPanel::fit);
    connect(m_fitOnAll, &QCheckBox::toggled, this, [this](bool all) {
        m_fitButton->setText(all ? tr("Fit on every row") : tr("Fit on training rows"));
    });
    connect(m_shown, &QComboBox::currentTextChanged, this, &ScalingPanel::showColumn);
    connect(m_saveCsv, &QPushButton::clicked, this, &ScalingPanel::chooseCsv);
    connect(m_saveParameters, &QPushButton::clicked, this, &ScalingPanel::chooseParameters);
    return controls;
}

void ScalingPanel::reloadColumns()
{
    m_columns->clear();
    m_result.reset();
    m_shown->clear();
    m_before->showMessage(tr("before scaling"));
    m_after->showMessage(tr("after scaling"));
    m_saveCsv->setEnabled(false);
    m_saveParameters->setEnabled(false);
    const bool loaded = m_context.dataset && m_context.dataset->hasDataset();
    m_fitButton->setEnabled(loaded);
    if (!loaded) {
        m_status->showMessage(tr("Load a dataset on the Data page to scale it."), MessageBanner::Kind::Info);
        return;
    }
    // A number named like an identifier (transaction_id, customer_id) is no quantity: scaling it means
    // nothing, so it is listed but not checked (the Train page's feature proposal leaves it out too).
    QStringList identifiers;
    for (const std::string &name : TableScaling::numericColumns(*m_context.dataset->current().table)) {
        auto *item = new QListWidgetItem(QString::fromStdString(name), m_columns);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool identifier = ColumnNameHints::fromName(name).identifier;
        item->setCheckState(identifier ? Qt::Unchecked : Qt::Checked);
        if (identifier) {
            identifiers << item->text();
            item->setToolTip(tr("Named like an identifier: not checked, since its value is no quantity. Check it "
                                "to scale it anyway."));
        }
    }
    QString text = tr("The scaler is fitted on the training rows only and applied unchanged to the test rows.");
    if (!identifiers.isEmpty())
        text += QLatin1Char(' ') + tr("Not checked, named like identifiers: %1.").arg(identifiers.join(QStringLiteral(", ")));
    m_status->showMessage(text, MessageBanner::Kind::Info);
}

void ScalingPanel::setMethod(ScalingMethod method)
{
    m_method->setCurrentIndex(m_method->findData(int(method)));
}

ScalingMethod ScalingPanel::method() const
{
    return ScalingMethod(m_method->currentData().toInt());
}

void ScalingPanel::setCheckedColumns(const QStringList &columns)
{
    for (int i = 0; i < m_columns->count(); ++i) {
        QListWidgetItem *item = m_columns->item(i);
        item->setCheckState(columns.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList ScalingPanel::checkedColumns() const
{
    QStringList names;
    for (int i = 0; i < m_columns->count(); ++i) {
        if (m_columns->item(i)->checkState() == Qt::Checked)
            names.append(m_columns->item(i)->text());
    }
    return names;
}

void ScalingPanel::setTestFraction(double fraction)
{
    m_testFraction->setValue(fraction);
}

void ScalingPanel::setSeed(int seed)
{
    m_seed->setValue(seed);
}

void ScalingPanel::setFitOnAllRows(bool all)
{
    m_fitOnAll->setChecked(all);
}

QString ScalingPanel::statusText() const
{
    return m_status->text();
}

void ScalingPanel::fit()
{
    if (!m_context.dataset || !m_context.dataset->hasDataset())
        return;
    ScalingRequest request;
    request.scaler.method = method();
    for (const QString &name : checkedColumns())
        request.scaler.columns.push_back(name.toStdString());
    if (request.scaler.columns.empty()) {
        onFailed(tr("choose at least one column to scale"));
        return;
    }
    request.testFraction = m_testFraction->value();
    request.seed = std::uint64_t(m_seed->value());
    request.fitOn = m_fitOnAll->isChecked() ? FitRows::All : FitRows::Train;
    auto *job = new ScaleJob(m_context.dataset->current().table, std::move(request));
    JobRunner *runner = m_context.runner;
    runner->connectCurrent(job, &ScaleJob::finished, this, [this](const ScaleResult &result) { onFitted(result); });
    runner->connectCurrent(job, &Job::failed, this, [this](const QString &message) { onFailed(message); });
    m_status->showMessage(tr("Fitting…"), MessageBanner::Kind::Info);
    runner->start(job, QStringLiteral("prepare-scale"));
}

void ScalingPanel::onFitted(const ScaleResult &result)
{
    m_result = result;
    m_status->showMessage(tr("Fitted %1 on %2 training rows; applied unchanged to %3 test rows.")
                              .arg(methodLabel(result.scaler.method()).toLower())
                              .arg(result.trainRows)
                              .arg(result.testRows),
                          MessageBanner::Kind::Info);
    const QString previous = m_shown->currentText();
    m_shown->blockSignals(true);
    m_shown->clear();
    for (const ScaledColumn &column : result.scaler.columns())
        m_shown->addItem(QString::fromStdString(column.name));
    m_shown->blockSignals(false);
    if (m_shown->findText(previous) >= 0)
        m_shown->setCurrentText(previous);
    showColumn(m_shown->currentText());
    m_saveCsv->setEnabled(true);
    m_saveParameters->setEnabled(true);
    Q_EMIT fitEnded();
}

void ScalingPanel::onFailed(const QString &message)
{
    m_result.reset();
    m_saveCsv->setEnabled(false);
    m_saveParameters->setEnabled(false);
    m_before->showMessage(tr("no fit"));
    m_after->showMessage(tr("no fit"));
    m_status->showMessage(tr("Not fitted: %1").arg(message), MessageBanner::Kind::Error);
    Q_EMIT fitEnded();
}

void ScalingPanel::showColumn(const QString &name)
{
    if (!m_result)
        return;
    const auto &columns = m_result->scaler.columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (QString::fromStdString(columns[i].name) != name)
            continue;
        ColumnStats before = m_result->before[i];
        ColumnStats after = m_result->after[i];
        // Titles read "Histogram of amount before scaling (30 bins)" / "Histogram of amount after standard
        // scaling (30 bins)", short enough for half the page at 1280x720; the panel's message says the
        // scaler was fitted on the training rows.
        before.name += " before scaling";
        after.name += " after " + scalingMethodName(m_result->scaler.method()) + " scaling";
        m_before->showStats(before);
        m_after->showStats(after);
        const QSignalBlocker quiet(m_shown); // the chooser names the column shown, however it was chosen
        m_shown->setCurrentText(name);
        return;
    }
}

void ScalingPanel::selectBar(Side side, int bar)
{
    const std::shared_ptr<const Table> original = m_context.dataset ? m_context.dataset->current().table : nullptr;
    if (!m_result || !original || original->rowCount() != m_result->scaled->rowCount())
        return;
    const auto &columns = m_result->scaler.columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (QString::fromStdString(columns[i].name) != m_shown->currentText())
            continue;
        const Column *before = original->find(columns[i].name);
        const Column *after = m_result->scaled->find(columns[i].name);
        if (!before || !after || bar < 0 || std::size_t(bar) >= m_result->before[i].histogram.size())
            return;
        const bool fromBefore = side == Side::Before;
        const std::vector<std::uint64_t> rows = HistogramRows::inBin(fromBefore ? *before : *after,
                                                                     fromBefore ? m_result->before[i] : m_result->after[i],
                                                                     std::size_t(bar));
        QVector<int> others;
        for (std::uint64_t row : rows) {
            const auto value = HistogramRows::valueAt(fromBefore ? *after : *before, row);
            const auto other = value ? HistogramRows::binOf(fromBefore ? m_result->after[i] : m_result->before[i], *value)
                                     : std::nullopt;
            if (other && !others.contains(int(*other)))
                others << int(*other);
        }
        (fromBefore ? m_before : m_after)->setSelectedBars({bar});
        (fromBefore ? m_after : m_before)->setSelectedBars(others);
        m_status->showMessage(tr("%n row(s) in the bar clicked; ringed on the other histogram where they fall", nullptr,
                                 int(rows.size())),
                              MessageBanner::Kind::Info);
        return;
    }
}

void ScalingPanel::save(const QString &csvPath, const QString &parametersPath)
{
    if (!m_result)
        return;
    const QString source = m_context.dataset ? m_context.dataset->current().path : QString();
    auto *job = new SaveScaledJob(m_result->scaled, m_result->scaler, csvPath, parametersPath, source);
    JobRunner *runner = m_context.runner;
    runner->connectCurrent(job, &SaveScaledJob::finished, this, [this, csvPath, parametersPath](const QString &) {
        QStringList written;
        for (const QString &path : {csvPath, parametersPath}) {
            if (!path.isEmpty())
                written.append(path);
        }
        m_status->showMessage(tr("Saved %1.").arg(written.join(tr(" and "))), MessageBanner::Kind::Info);
        Q_EMIT saveEnded();
    });
    runner->connectCurrent(job, &Job::failed, this, [this](const QString &message) {
        m_status->showMessage(tr("Not saved: %1").arg(message), MessageBanner::Kind::Error);
        Q_EMIT saveEnded();
    });
    runner->start(job, QStringLiteral("prepare-save"));
}

void ScalingPanel::chooseCsv()
{
    const QString path = RecentFolder::getSaveFileName(this, FolderPurpose::DataFiles, tr("Save scaled CSV"), QString(),
                                                       tr("CSV (*.csv)"));
    if (!path.isEmpty())
        save(path, QString());
}

void ScalingPanel::chooseParameters()
{
    const QString path = RecentFolder::getSaveFileName(this, FolderPurpose::Exports, tr("Save scaler parameters"),
                                                       QString(), tr("JSON (*.json)"));
    if (!path.isEmpty())
        save(QString(), path);
}

} // namespace loupe
