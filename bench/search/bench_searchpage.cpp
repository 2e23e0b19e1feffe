// bench_searchpage: is the Search page responsive while a large study runs? (issue 24)
// Runs a --trials N hartmann6 study (--sampler random | tpe) from the Search page itself (Start, as
// a user would), in a fresh workspace, and measures the UI thread's event-loop stall the way a
// user feels it: a 10 ms timer on the UI thread, and the stall is how late each tick comes
// (the gap between ticks minus 10 ms). Stalls are reported while trials run (median, 99th
// percentile, worst, how many over 50 and 100 ms) and separately for the end of the study (the
// final summary of N trials is loaded into the table and plots). Stops after --timeout seconds.
// Usage: bench_searchpage [--trials 100000] [--sampler random] [--timeout 150]
//        QT_QPA_PLATFORM=offscreen or a display (Xvfb).

#include "jobs/JobRunner.h"
#include "ui/common/DatasetSession.h"
#include "ui/search/SearchPage.h"
#include "ui/search/SearchResultsPanel.h"
#include "ui/search/SearchSetupPanel.h"
#include "ui/search/TrialTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace loupe;

namespace {

struct StallSummary {
    double median = 0.0;
    double p99 = 0.0;
    double worst = 0.0;
    int over50 = 0;
    int over100 = 0;
    int ticks = 0;
};

StallSummary summarize(std::vector<double> stalls)
{
    StallSummary summary;
    if (stalls.empty())
        return summary;
    std::sort(stalls.begin(), stalls.end());
    summary.ticks = int(stalls.size());
    summary.median = stalls[stalls.size() / 2];
    summary.p99 = stalls[std::min(stalls.size() - 1, stalls.size() * 99 / 100)];
    summary.worst = stalls.back();
    for (const double stall : stalls) {
        summary.over50 += stall > 50.0;
        summary.over100 += stall > 100.0;
    }
    return summary;
}

void print(const char *phase, const StallSummary &s)
{
    std::printf("  %-22s ticks %6d  median %6.1f ms  p99 %7.1f ms  worst %8.1f ms  >50 ms %4d  >100 ms %4d\n", phase,
                s.ticks, s.median, s.p99, s.worst, s.over50, s.over100);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int trials = 100000;
    QString sampler = QStringLiteral("random");
    double timeout = 150.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--trials"))
            trials = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--sampler"))
            sampler = QString::fromLatin1(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--timeout"))
            timeout = std::stod(argv[i + 1]);
    }
    QTemporaryDir dir;
    JobRunner runner;
    DatasetSession session;
    SearchPage page(PageContext{&runner, &session, dir.filePath(QStringLiteral("ws.sqlite"))});
    page.resize(1400, 860);
    page.show();
    SearchSetupPanel *setup = page.setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::Hartmann6);
    setup->setSampler(sampler);
    setup->setMaxEvals(trials);
    setup->setSeed(1);
    setup->setStudyName(QStringLiteral("stall"));

    std::vector<double> running;
    std::vector<double> ending;
    bool ended = false;
    QElapsedTimer clock;
    QElapsedTimer sinceTick;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const double stall = std::max(0.0, sinceTick.nsecsElapsed() / 1e6 - 10.0);
        sinceTick.restart();
        (ended ? ending : running).push_back(stall);
    });
    double endedAt = 0.0;
    QObject::connect(&page, &SearchPage::searchEnded, [&] {
        ended = true;
        endedAt = clock.elapsed() / 1000.0;
        // Let the page finish loading the summary, measuring, then quit.
        QTimer::singleShot(3000, &app, &QApplication::quit);
    });
    QTimer::singleShot(int(timeout * 1000), &page, [&] {
        if (!ended)
            page.stopSearch();
    });
    QTimer::singleShot(int(timeout * 1000) + 60000, &app, &QApplication::quit); // a stop that never ends

    clock.start();
    sinceTick.start();
    tick.start();
    page.startSearch();
    app.exec();
    const int rows = page.resultsPanel()->model()->rowCount();
    std::printf("Search page, %s, budget %d trials: %d trials shown, search ended after %.1f s%s\n",
                qPrintable(sampler), trials, rows, endedAt, endedAt >= timeout ? " (stopped at the cap)" : "");
    std::printf("event-loop stall (10 ms timer lateness) on the UI thread:\n");
    print("while trials run", summarize(running));
    print("end (summary loaded)", summarize(ending));
    return 0;
}
