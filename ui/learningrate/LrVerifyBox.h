#pragma once
// "Verify" on the Learning-rate page: trains the spec for its own budget (epochs, batch size) at a
// rate and at its neighbours (rate / 3 and rate * 3) in a background LrVerifyJob (the service
// loupe-cli lr-verify uses; stored in the workspace), then lists each rate's test accuracy,
// balanced accuracy and loss in a small table and hands the plot one mark per rate (marks()).
// While it runs the button cancels it; each finished training appears as soon as it ends.

#include "jobs/LrVerifyTypes.h"
#include "jobs/TrainTypes.h"
#include "ui/learningrate/LrFinderPlot.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace loupe {

class JobRunner;

class LrVerifyBox : public QWidget {
    Q_OBJECT
public:
    using DataSource = std::function<Result<TrainRequest>()>;
    using RateSource = std::function<double()>;

    static constexpr double s_neighbourFactor = 3.0;

    // requires: runner outlives the box.
    LrVerifyBox(JobRunner &runner, DataSource data, RateSource rate, QWidget *parent = nullptr);

    // Verifies rate() and its neighbours (a running verification is superseded); a rate <= 0 or
    // unusable data shows why and starts nothing.
    void startVerify();
    void cancelVerify();
    bool isRunning() const { return m_run != 0; }
    void setRateAvailable(bool available); // enables the button when idle

    QPushButton *button() const { return m_button; }
    QTableWidget *table() const { return m_table; }
    QString statusText() const;
    // One per verified rate: its mean accuracy (loss for regression), the best one flagged.
    const QVector<LrVerifyMark> &marks() const { return m_marks; }

Q_SIGNALS:
    void marksChanged();
    void verified(const loupe::LrVerifyOutcome &outcome);

private:
    void addPoint(const LrVerifyPoint &point);
    void showResult();
    void finish(const QString &message);

    JobRunner &m_runner;
    DataSource m_data;
    RateSource m_rate;
    quint64 m_run = 0;
    bool m_rateAvailable = false;
    LrVerifyResult m_result;
    QVector<LrVerifyMark> m_marks;
    QPushButton *m_button = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace loupe
