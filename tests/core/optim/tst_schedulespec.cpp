// ScheduleSpec: the JSON form of a schedule. Every bad input is refused with a message that starts
// with the offending key; toJson() round-trips; defaults are the documented ones.
#include "core/optim/ScheduleSpec.h"
#include "core/optim/LearningRateLimits.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>

using namespace loupe;

class TestScheduleSpec : public QObject {
    Q_OBJECT

private slots:
    void rejects_data();
    void rejects();
    void roundTrip_data();
    void roundTrip();
    void defaults();
    void integralFloatsAreIntegers();
    void validateCatchesCodeBuiltSpecs();
};

void TestScheduleSpec::rejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("prefix");

    QTest::newRow("not JSON") << "{\"name\": " << "schedule:1:10: not valid JSON (syntax error while parsing value";
    QTest::newRow("number beyond a double (issue 13)") << R"({"name": "sgdr", "lr0": 1e999})"
                                                       << "schedule:1:25: the number 1e999 is outside the range of a double (at lr0)";
    QTest::newRow("nested 20,000 deep (issue 13)") << QString(20000, '[') + QString(20000, ']')
                                                   << "schedule:1:65: nested deeper than 64 arrays or objects";
    QTest::newRow("not an object") << "[1, 2]" << "schedule: expected a JSON object";
    QTest::newRow("no name") << R"({"lr0": 0.1})" << "name: missing; expected one of constant, cosine";
    QTest::newRow("unknown name") << R"({"name": "cyclic"})" << "name: unknown schedule \"cyclic\"";
    QTest::newRow("name not a string") << R"({"name": 3})" << "name: expected a string, got 3";
    QTest::newRow("key of another schedule") << R"({"name": "cosine", "t0": 3})"
                                             << "t0: not a parameter of the \"cosine\" schedule (its parameters: lr0, "
                                                "length, warmup, per)";
    QTest::newRow("lr0 zero") << R"({"name": "constant", "lr0": 0})"
                              << "lr0: expected a learning rate in [1.17549e-38, 1e+06], got 0";
    QTest::newRow("lr0 negative") << R"({"name": "step", "lr0": -1})"
                                  << "lr0: expected a learning rate in [1.17549e-38, 1e+06], got -1";
    // Issue 13, item 10: rates the model spec would refuse, and denormals the optimizers' float turns into 0.
    QTest::newRow("lr0 1e308") << R"({"name": "sgdr", "lr0": 1e308})"
                               << "lr0: expected a learning rate in [1.17549e-38, 1e+06], got 1e+308";
    QTest::newRow("lr0 above the spec's cap") << R"({"name": "constant", "lr0": 2e6})"
                                              << "lr0: expected a learning rate in [1.17549e-38, 1e+06], got 2e+06";
    QTest::newRow("lr0 denormal") << R"({"name": "cosine", "lr0": 1e-320})"
                                  << "lr0: expected a learning rate in [1.17549e-38, 1e+06], got 9.99989e-321";
    QTest::newRow("max_lr 1e308") << R"({"name": "one-cycle", "total_steps": 10, "max_lr": 1e308})"
                                  << "max_lr: expected a learning rate in";
    QTest::newRow("div_factor denormal") << R"({"name": "one-cycle", "total_steps": 10, "div_factor": 1e-320})"
                                         << "div_factor: the initial rate max_lr / div_factor = inf is not a learning "
                                            "rate in [0, 1e+06] (div_factor = 9.99989e-321)";
    QTest::newRow("div_factor pushing the initial rate over the cap")
        << R"({"name": "one-cycle", "total_steps": 10, "max_lr": 1000, "div_factor": 1e-4})"
        << "div_factor: the initial rate max_lr / div_factor = 1e+07 is not a learning rate in [0, 1e+06]";
    QTest::newRow("final_div_factor denormal")
        << R"({"name": "one-cycle", "total_steps": 10, "final_div_factor": 1e-320})"
        << "final_div_factor: the final rate max_lr / div_factor / final_div_factor = inf is not a learning rate";
    QTest::newRow("lr0 a string") << R"({"name": "constant", "lr0": "0.1"})" << "lr0: expected a number, got \"0.1\"";
    QTest::newRow("length zero") << R"({"name": "cosine", "length": 0})" << "length: expected an integer >= 1, got 0";
    QTest::newRow("length fractional") << R"({"name": "cosine-cyclic", "length": 2.5})"
                                       << "length: expected an integer, got 2.5";
    QTest::newRow("t0 zero") << R"({"name": "sgdr", "t0": 0})" << "t0: expected an integer >= 1, got 0";
    QTest::newRow("t_mult zero") << R"({"name": "sgdr", "t_mult": 0})" << "t_mult: expected an integer in [1, 1000], got 0";
    QTest::newRow("eta_min above lr0") << R"({"name": "sgdr", "lr0": 0.1, "eta_min": 0.5})"
                                       << "eta_min: expected a number in [0, lr0] = [0, 0.1], got 0.5";
    QTest::newRow("eta_min negative") << R"({"name": "sgdr", "eta_min": -0.1})" << "eta_min: expected a number in [0";
    QTest::newRow("step_size zero") << R"({"name": "step", "step_size": 0})"
                                    << "step_size: expected an integer >= 1, got 0";
    QTest::newRow("gamma above 1") << R"({"name": "exponential", "gamma": 1.5})"
                                   << "gamma: expected a number in (0, 1], got 1.5";
    QTest::newRow("gamma zero") << R"({"name": "step", "gamma": 0})" << "gamma: expected a number in (0, 1], got 0";
    QTest::newRow("one-cycle without total_steps") << R"({"name": "one-cycle", "max_lr": 0.1})"
                                                   << "total_steps: missing";
    QTest::newRow("one-cycle total_steps 1") << R"({"name": "one-cycle", "total_steps": 1})"
                                             << "total_steps: expected an integer >= 2, got 1";
    QTest::newRow("one-cycle max_lr 0") << R"({"name": "one-cycle", "total_steps": 10, "max_lr": 0})"
                                        << "max_lr: expected a learning rate in [1.17549e-38, 1e+06], got 0";
    QTest::newRow("pct_start 1") << R"({"name": "one-cycle", "total_steps": 10, "pct_start": 1})"
                                 << "pct_start: expected a number in (0, 1), got 1";
    QTest::newRow("pct_start 0.6 three-phase")
        << R"({"name": "one-cycle", "total_steps": 10, "pct_start": 0.6, "three_phase": true})"
        << "pct_start: expected a number in (0, 0.5] with three_phase, got 0.6";
    QTest::newRow("div_factor 0") << R"({"name": "one-cycle", "total_steps": 10, "div_factor": 0})"
                                  << "div_factor: expected a finite number > 0, got 0";
    QTest::newRow("final_div_factor negative") << R"({"name": "one-cycle", "total_steps": 10, "final_div_factor": -2})"
                                               << "final_div_factor: expected a finite number > 0, got -2";
    // Found by fuzz_schedulespec (issue 13, item 10): each factor in range, the rate they give infinite.
    QTest::newRow("anneal_strategy") << R"({"name": "one-cycle", "total_steps": 10, "anneal_strategy": "cosine"})"
                                     << "anneal_strategy: expected \"cos\" or \"linear\", got \"cosine\"";
    QTest::newRow("three_phase not bool") << R"({"name": "one-cycle", "total_steps": 10, "three_phase": 1})"
                                          << "three_phase: expected true or false, got 1";
    QTest::newRow("warmup negative") << R"({"name": "constant", "warmup": -1})"
                                     << "warmup: expected an integer >= 0, got -1";
    QTest::newRow("per") << R"({"name": "constant", "per": "batch"})" << "per: expected \"epoch\" or \"step\", got \"batch\"";
}

void TestScheduleSpec::rejects()
{
    QFETCH(QString, json);
    QFETCH(QString, prefix);
    const auto spec = ScheduleSpec::parse(json.toStdString());
    QVERIFY2(!spec.isOk(), qPrintable(json));
    QCOMPARE(spec.status().code(), StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(spec.message()).startsWith(prefix), spec.message().c_str());
}

void TestScheduleSpec::roundTrip_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("constant") << R"({"name":"constant","lr0":0.5,"warmup":3,"per":"step"})";
    QTest::newRow("cosine") << R"({"name":"cosine","lr0":0.01,"length":5})";
    QTest::newRow("cosine-cyclic") << R"({"name":"cosine-cyclic","lr0":0.2,"length":7})";
    QTest::newRow("sgdr") << R"({"name":"sgdr","lr0":0.1,"t0":10,"t_mult":2,"eta_min":0.001})";
    QTest::newRow("step") << R"({"name":"step","lr0":0.1,"step_size":30,"gamma":0.5})";
    QTest::newRow("exponential") << R"({"name":"exponential","lr0":0.1,"gamma":0.9})";
    QTest::newRow("one-cycle")
        << R"({"name":"one-cycle","max_lr":0.3,"total_steps":500,"pct_start":0.25,"anneal_strategy":"linear",)"
           R"("div_factor":10,"final_div_factor":100,"three_phase":true,"per":"step"})";
}

void TestScheduleSpec::roundTrip()
{
    QFETCH(QString, json);
    const auto first = ScheduleSpec::parse(json.toStdString());
    QVERIFY2(first.isOk(), first.message().c_str());
    const nlohmann::ordered_json written = first.value().toJson();
    const auto second = ScheduleSpec::fromJson(nlohmann::json::parse(written.dump()));
    QVERIFY2(second.isOk(), second.message().c_str());
    QCOMPARE(second.value().toJson().dump(), written.dump());
    // Every key given comes back with its value.
    const nlohmann::json given = nlohmann::json::parse(json.toStdString());
    for (auto item = given.begin(); item != given.end(); ++item)
        QVERIFY2(written.at(item.key()) == item.value(), item.key().c_str());
    QCOMPARE(first.value().build()->sample(20), second.value().build()->sample(20));
}

void TestScheduleSpec::defaults()
{
    const auto cosine = ScheduleSpec::parse(R"({"name":"cosine"})");
    QVERIFY(cosine.isOk());
    QCOMPARE(cosine.value().toJson().dump(), std::string(R"({"name":"cosine","lr0":0.01,"length":5,"warmup":0,"per":"epoch"})"));
    const auto sgdr = ScheduleSpec::parse(R"({"name":"sgdr"})");
    QVERIFY(sgdr.isOk());
    QCOMPARE(sgdr.value().t0, std::int64_t(10));
    QCOMPARE(sgdr.value().tMult, std::int64_t(1));
    QCOMPARE(sgdr.value().etaMin, 0.0);
    const auto oneCycle = ScheduleSpec::parse(R"({"name":"one-cycle","total_steps":50})");
    QVERIFY(oneCycle.isOk());
    QCOMPARE(oneCycle.value().oneCycle.pctStart, 0.3);
    QCOMPARE(oneCycle.value().oneCycle.divFactor, 25.0);
    QCOMPARE(oneCycle.value().oneCycle.finalDivFactor, 1e4);
    QVERIFY(oneCycle.value().oneCycle.anneal == AnnealShape::Cosine);
    QVERIFY(oneCycle.value().oneCycle.phases == CyclePhases::Two);
    QCOMPARE(ScheduleSpec::parse(R"({"name":"exponential"})").value().gamma, 0.95);
    QCOMPARE(ScheduleSpec::parse(R"({"name":"step"})").value().gamma, 0.1);
}

void TestScheduleSpec::integralFloatsAreIntegers()
{
    const auto spec = ScheduleSpec::parse(R"({"name":"sgdr","t0":4.0,"t_mult":2.0})");
    QVERIFY2(spec.isOk(), spec.message().c_str());
    QCOMPARE(spec.value().t0, std::int64_t(4));
}

void TestScheduleSpec::validateCatchesCodeBuiltSpecs()
{
    ScheduleSpec spec = ScheduleSpec::defaults(ScheduleKind::WarmRestarts);
    QVERIFY(spec.validate().isOk());
    spec.tMult = 0;
    QVERIFY(QString::fromStdString(spec.validate().message()).startsWith("t_mult:"));
    spec = ScheduleSpec::defaults(ScheduleKind::OneCycle);
    QVERIFY(QString::fromStdString(spec.validate().message()).startsWith("total_steps: missing"));
    spec.oneCycle.totalSteps = 10;
    QVERIFY(spec.validate().isOk());
    // NaN never comes from JSON, but a spec built in code can carry it.
    spec = ScheduleSpec::defaults(ScheduleKind::Exponential);
    spec.lr0 = std::nan("");
    QVERIFY(QString::fromStdString(spec.validate().message()).startsWith("lr0: expected a learning rate"));
    spec = ScheduleSpec::defaults(ScheduleKind::OneCycle);
    spec.oneCycle.totalSteps = 10;
    spec.oneCycle.divFactor = std::nan("");
    QVERIFY(QString::fromStdString(spec.validate().message()).startsWith("div_factor: expected a finite number > 0"));
    // The cap is the model spec's: its largest learning rate is a valid lr0.
    spec = ScheduleSpec::defaults(ScheduleKind::Constant);
    spec.lr0 = LearningRateLimits::maximum;
    QVERIFY(spec.validate().isOk());
}

QTEST_APPLESS_MAIN(TestScheduleSpec)
#include "tst_schedulespec.moc"
