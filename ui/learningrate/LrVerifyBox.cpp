#include "ui/learningrate/LrVerifyBox.h"

#include "jobs/JobRunner.h"
#include "jobs/LrVerifyJob.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace loupe {

namespace {

const QString kVerifySlot = QStringLiteral("lr-verify");

QString verifyCell(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

LrVerifyBox::LrVerifyBox(JobRunner &runner, DataSource data, RateSource rate, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_data(std::move(data)), m_rate(std::move(rate))
{
    registerLrVerifyMetaTypes();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_button = new QPushButton(tr("Verify by training"), this);
    m_button->setObjectName(QStringLiteral("verifyRate"));
    m_button->setToolTip(tr("Train the spec's own epochs and batch size at the chosen rate, at a third of it and "
                            "at three times it; show each one's test accuracy on the plot and below"));
    m_button->setEnabled(false);
    m_status = new QLabel(tr("Verify: trains at the rate, ÷3 and ×3"), this);
    m_status->setObjectName(QStringLiteral("verifyStatus"));
    m_status->setWordWrap(true);
    row->addWidget(m_status, 1);
    row->addWidget(m_button);
    layout->addLayout(row);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("verifyTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("rate"), tr("test accuracy"), tr("balanced acc."), tr("test loss"), tr("seconds")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height() + 3 * (m_table->fontMetrics().height() + 6) + 4);
    m_table->hide();
    layout->addWidget(m_table);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancelVerify();
        else
            startVerify();
    });
}

QString LrVerifyBox::statusText() const { return m_status->text(); }

void LrVerifyBox::setRateAvailable(bool available)
{
    m_rateAvailable = available;
    if (!isRunning())
        m_button->setEnabled(available);
}

void LrVerifyBox::startVerify()
{
    const double rate = m_rate ? m_rate() : 0.0;
    if (!(rate > 0.0)) {
        m_status->setText(tr("No rate to verify: run a finder or pick a point on the plot"));
        return;
    }
    auto data = m_data();
    if (!data.isOk()) {
        m_status->setText(QString::fromStdString(data.message()));
        return;
    }
    LrVerifyRequest request;
    request.data = data.takeValue();
    request.options.rates = LrVerifier::around(rate, s_neighbourFactor, 1);
    auto *job = new LrVerifyJob(std::move(request));
    m_runner.connectCurrent(job, &LrVerifyJob::pointFound, this, [this](const LrVerifyPoint &point) { addPoint(point); });
    m_runner.connectCurrent(job, &LrVerifyJob::finished, this, [this](const LrVerifyOutcome &outcome) {
        m_result = outcome.result;
        showResult();
        finish(tr("Verified in %1 s%2").arg(QString::number(outcome.result.seconds, 'f', 1),
                                             outcome.workspaceNote.isEmpty()
                                                 ? (outcome.storedRunId > 0 ? tr(" (stored as run #%1)").arg(outcome.storedRunId)
                                                                            : QString())
                                                 : QStringLiteral(" — ") + outcome.workspaceNote));
        Q_EMIT verified(outcome);
    });
    m_runner.connectCurrent(job, &Job::failed, this,
                            [this](const QString &message) { finish(tr("Verification failed: %1").arg(message)); });
    m_runner.connectCurrent(job, &Job::cancelled, this, [this] { finish(tr("Verification cancelled")); });
    m_runner.connectCurrent(job, &Job::progress, this, [this](double fraction, const QString &) {
        m_status->setText(tr("Training at each rate… %1 %").arg(int(std::lround(100.0 * fraction))));
    });
    m_result = LrVerifyResult {};
    showResult();
    m_run = m_runner.start(job, kVerifySlot);
    m_button->setText(tr("Cancel verification"));
    m_button->setEnabled(true);
    m_status->setText(tr("Training at %1, %2 and %3…")
                          .arg(QString::number(rate / s_neighbourFactor, 'g', 3), QString::number(rate, 'g', 3),
                               QString::number(rate * s_neighbourFactor, 'g', 3)));
}

void LrVerifyBox::cancelVerify()
{
    if (!isRunning())
        return;
    m_runner.cancel(m_run);
    finish(tr("Verification cancelled"));
}

void LrVerifyBox::addPoint(const LrVerifyPoint &point)
{
    m_result.points.push_back(point);
    showResult();
}

void LrVerifyBox::finish(const QString &message)
{
    m_run = 0;
    m_button->setText(tr("Verify by training"));
    m_button->setEnabled(m_rateAvailable);
    m_status->setText(message);
}

void LrVerifyBox::showResult()
{
    const std::vector<LrVerifySummary> rates = m_result.summaries();
    m_table->setRowCount(int(rates.size()));
    m_table->setVisible(!rates.empty());
    m_marks.clear();
    int best = -1;
    for (int i = 0; i < int(rates.size()); ++i) {
        const LrVerifySummary &rate = rates[std::size_t(i)];
        const bool hasAccuracy = std::isfinite(rate.meanAccuracy);
        if (hasAccuracy && (best < 0 || rate.meanAccuracy > rates[std::size_t(best)].meanAccuracy))
            best = i;
        const QStringList cells {QString::number(rate.learningRate, 'g', 3),
                                 rate.diverged == rate.runs ? tr("diverged") : verifyCell(rate.meanAccuracy, 4),
                                 verifyCell(rate.meanBalancedAccuracy, 4), verifyCell(rate.meanLoss, 4),
                                 QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
        LrVerifyMark mark;
        mark.rate = rate.learningRate;
        mark.text = rate.diverged == rate.runs ? tr("diverged")
                    : hasAccuracy             ? tr("acc %1").arg(verifyCell(rate.meanAccuracy, 3))
                                              : tr("loss %1").arg(verifyCell(rate.meanLoss, 3));
        m_marks.append(mark);
    }
    double seconds = 0.0;
    for (std::size_t i = 0, row = 0; i < m_result.points.size(); ++i) {
        seconds += m_result.points[i].seconds;
        const bool lastOfRate = i + 1 == m_result.points.size()
                                || m_result.points[i + 1].learningRate != m_result.points[i].learningRate;
        if (lastOfRate) {
            m_table->setItem(int(row++), 4, new QTableWidgetItem(QString::number(seconds, 'f', 1)));
            seconds = 0.0;
        }
    }
    if (best >= 0) {
        m_marks[best].best = true;
        for (int c = 0; c < m_table->columnCount(); ++c) {
            QFont bold = m_table->item(best, c)->font();
            bold.setBold(true);
            m_table->item(best, c)->setFont(bold);
        }
    }
    Q_EMIT marksChanged();
}

} // namespace loupe
