// Every learning-rate schedule against values worked out by hand (cos(pi/5) = 0.80901699437,
// cos(2pi/5) = 0.30901699437, cos(pi/4) = 0.70710678119), warm-restart boundaries, one-cycle
// end points and warm-up. Schedules are built from their JSON spec, so the spec's defaults and
// key names are exercised too.
#include "core/optim/CosineAnnealSchedule.h"
#include "core/optim/ScheduleSpec.h"
#include "core/optim/WarmRestartsSchedule.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

std::unique_ptr<Schedule> scheduleFrom(const char *json)
{
    auto spec = ScheduleSpec::parse(json);
    if (!spec.isOk())
        qWarning("%s: %s", json, spec.message().c_str());
    return spec.isOk() ? spec.value().build() : nullptr;
}

bool close(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-10 + 1e-9 * std::fabs(expected);
}

} // namespace

class TestSchedules : public QObject {
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void chapterCosineFirstTenEpochs();
    void warmRestartBoundaries_data();
    void warmRestartBoundaries();
    void oneCycleEndPoints_data();
    void oneCycleEndPoints();
    void warmupRisesToTheInnerStart();
    void cloneGivesTheSameRates();
};

void TestSchedules::values_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("expected");

    const QString chapter = QStringLiteral(R"({"name":"cosine","lr0":0.01,"length":5})");
    // lr0/2 * (cos(pi t/5) + 1): 0.005 * 1.80901699437, 0.005 * 1.30901699437, ...
    QTest::newRow("cosine t=0") << chapter << 0.0 << 0.01;
    QTest::newRow("cosine t=1") << chapter << 1.0 << 0.00904508497187;
    QTest::newRow("cosine t=2") << chapter << 2.0 << 0.00654508497187;
    QTest::newRow("cosine t=3") << chapter << 3.0 << 0.00345491502813;
    QTest::newRow("cosine t=4") << chapter << 4.0 << 0.000954915028125;
    QTest::newRow("cosine t=7 clamped to 4") << chapter << 7.0 << 0.000954915028125;
    QTest::newRow("cosine t=2.5 fractional") << chapter << 2.5 << 0.005;

    const QString cyclic = QStringLiteral(R"({"name":"cosine-cyclic","lr0":0.01,"length":5})");
    QTest::newRow("cyclic t=4") << cyclic << 4.0 << 0.000954915028125;
    QTest::newRow("cyclic t=5 restarts") << cyclic << 5.0 << 0.01;
    QTest::newRow("cyclic t=8") << cyclic << 8.0 << 0.00345491502813;

    const QString step = QStringLiteral(R"({"name":"step","lr0":0.1,"step_size":3,"gamma":0.5})");
    QTest::newRow("step t=0") << step << 0.0 << 0.1;
    QTest::newRow("step t=2") << step << 2.0 << 0.1;
    QTest::newRow("step t=3") << step << 3.0 << 0.05;
    QTest::newRow("step t=5") << step << 5.0 << 0.05;
    QTest::newRow("step t=6") << step << 6.0 << 0.025;
    QTest::newRow("step default gamma 0.1") << QStringLiteral(R"({"name":"step","lr0":1,"step_size":2})") << 4.0
                                            << 0.01;

    const QString exponential = QStringLiteral(R"({"name":"exponential","lr0":0.1,"gamma":0.9})");
    QTest::newRow("exponential t=0") << exponential << 0.0 << 0.1;
    QTest::newRow("exponential t=1") << exponential << 1.0 << 0.09;
    QTest::newRow("exponential t=2") << exponential << 2.0 << 0.081;
    QTest::newRow("exponential t=10") << exponential << 10.0 << 0.0348678440100;
    QTest::newRow("exponential default gamma 0.95")
        << QStringLiteral(R"({"name":"exponential","lr0":1})") << 2.0 << 0.9025;

    QTest::newRow("constant") << QStringLiteral(R"({"name":"constant","lr0":0.003})") << 17.0 << 0.003;

    const QString sgdr = QStringLiteral(R"({"name":"sgdr","lr0":0.1,"t0":2,"t_mult":2,"eta_min":0.01})");
    // eta_min + (0.1 - 0.01)(1 + cos(pi Tcur/Ti))/2; periods [0,2) [2,6) [6,14).
    QTest::newRow("sgdr t=0") << sgdr << 0.0 << 0.1;
    QTest::newRow("sgdr t=1 (Tcur 1 of 2)") << sgdr << 1.0 << 0.055;
    QTest::newRow("sgdr t=1.5 fractional") << sgdr << 1.5 << 0.0231801948466;
    QTest::newRow("sgdr t=3 (Tcur 1 of 4)") << sgdr << 3.0 << 0.0868198051534;
    QTest::newRow("sgdr t=4 (Tcur 2 of 4)") << sgdr << 4.0 << 0.055;
    QTest::newRow("sgdr t=5 (Tcur 3 of 4)") << sgdr << 5.0 << 0.0231801948466;
    QTest::newRow("sgdr t=10 (Tcur 4 of 8)") << sgdr << 10.0 << 0.055;
    QTest::newRow("sgdr t_mult 1, t=4 (Tcur 1 of 3)")
        << QStringLiteral(R"({"name":"sgdr","lr0":0.1,"t0":3,"eta_min":0.01})") << 4.0 << 0.0775;
    // Found by fuzz_schedulespec: the restart count was an int, so t / t0 above 2^31 was undefined behaviour.
    QTest::newRow("sgdr t=1e12") << QStringLiteral(R"({"name":"sgdr","lr0":0.1,"t0":10})") << 1e12 << 0.1;
}

void TestSchedules::values()
{
    QFETCH(QString, spec);
    QFETCH(double, t);
    QFETCH(double, expected);
    const auto schedule = scheduleFrom(spec.toUtf8().constData());
    QVERIFY(schedule);
    const double actual = schedule->learningRate(t);
    QVERIFY2(close(actual, expected), qPrintable(QStringLiteral("lr(%1) = %2, expected %3")
                                                     .arg(t)
                                                     .arg(actual, 0, 'g', 15)
                                                     .arg(expected, 0, 'g', 15)));
}

void TestSchedules::chapterCosineFirstTenEpochs()
{
    // The chapter's plot: [cosine_anneal_schedule(t) for t in range(10)], and the cyclic form.
    const double clamped[10] = {0.01, 0.00904508497187, 0.00654508497187, 0.00345491502813, 0.000954915028125,
                                0.000954915028125, 0.000954915028125, 0.000954915028125, 0.000954915028125,
                                0.000954915028125};
    const double cyclic[10] = {0.01, 0.00904508497187, 0.00654508497187, 0.00345491502813, 0.000954915028125,
                               0.01, 0.00904508497187, 0.00654508497187, 0.00345491502813, 0.000954915028125};
    const std::vector<double> a = CosineAnnealSchedule(1e-2, 5, CosineCycle::Clamp).sample(10);
    const std::vector<double> b = CosineAnnealSchedule(1e-2, 5, CosineCycle::Restart).sample(10);
    QCOMPARE(a.size(), std::size_t(10));
    for (int t = 0; t < 10; ++t) {
        QVERIFY2(close(a[t], clamped[t]), qPrintable(QStringLiteral("clamped t=%1: %2").arg(t).arg(a[t])));
        QVERIFY2(close(b[t], cyclic[t]), qPrintable(QStringLiteral("cyclic t=%1: %2").arg(t).arg(b[t])));
    }
}

void TestSchedules::warmRestartBoundaries_data()
{
    QTest::addColumn<int>("t0");
    QTest::addColumn<int>("tMult");
    QTest::addColumn<QList<int>>("restarts"); // every t where the rate is back at eta_max

    QTest::newRow("T0 3, Tmult 1") << 3 << 1 << QList<int>{0, 3, 6, 9, 12, 15};
    QTest::newRow("T0 1, Tmult 2") << 1 << 2 << QList<int>{0, 1, 3, 7, 15, 31};
    QTest::newRow("T0 2, Tmult 3") << 2 << 3 << QList<int>{0, 2, 8, 26, 80};
}

void TestSchedules::warmRestartBoundaries()
{
    QFETCH(int, t0);
    QFETCH(int, tMult);
    QFETCH(QList<int>, restarts);
    const WarmRestartsSchedule schedule(1.0, t0, tMult, 0.0);
    const int last = restarts.back();
    for (int t = 0; t <= last; ++t) {
        const bool restart = restarts.contains(t);
        const double rate = schedule.learningRate(t);
        if (restart)
            QVERIFY2(rate == 1.0, qPrintable(QStringLiteral("t=%1 should restart, lr %2").arg(t).arg(rate)));
        else
            QVERIFY2(rate < 1.0, qPrintable(QStringLiteral("t=%1 should not restart, lr %2").arg(t).arg(rate)));
        // Just before a boundary the rate is near eta_min (the cosine's bottom), never at it.
        if (restarts.contains(t + 1) && t > 0)
            QVERIFY(schedule.learningRate(t + 0.999) < 0.01);
    }
    QCOMPARE(schedule.position(last).restarts, double(restarts.size() - 1));
}

void TestSchedules::oneCycleEndPoints_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("expected");

    // max_lr 0.1: initial 0.1/25 = 0.004, final 0.004/1e4 = 4e-7; peak at 0.3*100 - 1 = 29.
    const QString two = QStringLiteral(R"({"name":"one-cycle","max_lr":0.1,"total_steps":100})");
    QTest::newRow("start = max_lr / div_factor") << two << 0.0 << 0.004;
    QTest::newRow("peak at pct_start*total - 1") << two << 29.0 << 0.1;
    QTest::newRow("warm-up half way") << two << 14.5 << 0.052;
    QTest::newRow("anneal half way (29..99)") << two << 64.0 << 0.0500002;
    QTest::newRow("end = initial / final_div_factor") << two << 99.0 << 4e-7;
    QTest::newRow("past the end holds the final rate") << two << 250.0 << 4e-7;

    const QString linear
        = QStringLiteral(R"({"name":"one-cycle","max_lr":0.1,"total_steps":100,"anneal_strategy":"linear"})");
    QTest::newRow("linear t=10: 0.004 + 0.096*10/29") << linear << 10.0 << 0.0371034482759;
    QTest::newRow("linear t=64") << linear << 64.0 << 0.0500002;

    const QString three = QStringLiteral(R"({"name":"one-cycle","max_lr":0.1,"total_steps":100,"three_phase":true})");
    QTest::newRow("three phases: peak") << three << 29.0 << 0.1;
    QTest::newRow("three phases: back to initial at 2*30-2") << three << 58.0 << 0.004;
    QTest::newRow("three phases: half way down") << three << 43.5 << 0.052;
    QTest::newRow("three phases: end") << three << 99.0 << 4e-7;

    const QString custom = QStringLiteral(
        R"({"name":"one-cycle","max_lr":1,"total_steps":10,"pct_start":0.5,"div_factor":10,"final_div_factor":100})");
    QTest::newRow("custom start 1/10") << custom << 0.0 << 0.1;
    QTest::newRow("custom peak at step 4") << custom << 4.0 << 1.0;
    QTest::newRow("custom end 0.1/100") << custom << 9.0 << 0.001;
}

void TestSchedules::oneCycleEndPoints()
{
    values();
}

void TestSchedules::warmupRisesToTheInnerStart()
{
    const auto constant = scheduleFrom(R"({"name":"constant","lr0":0.1,"warmup":4})");
    QVERIFY(constant);
    const std::vector<double> rates = constant->sample(6);
    const double expected[6] = {0.02, 0.04, 0.06, 0.08, 0.1, 0.1};
    for (int t = 0; t < 6; ++t)
        QVERIFY2(close(rates[t], expected[t]), qPrintable(QStringLiteral("t=%1: %2").arg(t).arg(rates[t])));

    // In front of the chapter's cosine: 0.01/3, 0.02/3, then the cosine from its own t = 0.
    const auto cosine = scheduleFrom(R"({"name":"cosine","lr0":0.01,"length":5,"warmup":2})");
    QVERIFY(cosine);
    QVERIFY(close(cosine->learningRate(0), 0.01 / 3));
    QVERIFY(close(cosine->learningRate(1), 0.02 / 3));
    QVERIFY(close(cosine->learningRate(2), 0.01));
    QVERIFY(close(cosine->learningRate(3), 0.00904508497187));
    QVERIFY(close(cosine->learningRate(6), 0.000954915028125));
}

void TestSchedules::cloneGivesTheSameRates()
{
    const auto original = scheduleFrom(R"({"name":"sgdr","lr0":0.5,"t0":3,"t_mult":2,"warmup":2})");
    QVERIFY(original);
    const auto copy = original->clone();
    QCOMPARE(copy->sample(40), original->sample(40));
}

QTEST_APPLESS_MAIN(TestSchedules)
#include "tst_schedules.moc"
