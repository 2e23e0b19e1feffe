#pragma once
// The headless tour behind `loupe-cli demo`: a list of named steps run in order over one shared state.
// Each step does one thing (simulate, load, summarise, report, record, then DemoDebugSteps' check, pii,
// sufficiency and search), says in one line what it did, and can stop the tour with a Status. A later
// feature joins the tour by appending a step in steps().

#include "app/cli/CliWorkspace.h"
#include "core/data/ColumnStats.h"
#include "core/data/Table.h"
#include "core/util/Status.h"
#include "db/runs/DatasetRecorder.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace loupe::cli {

struct DemoSettings {
    QString outDir;              // every file of the tour goes here
    std::size_t rows = 100'000;
    std::uint64_t seed = 42;
    CliWorkspace *workspace = nullptr; // nullptr: the tour does not record
};

// What the steps hand to each other.
struct DemoState {
    DemoSettings settings;
    QString dataPath;
    Table table;                      // the loaded file
    double loadSeconds = 0.0;
    char delimiter = ',';
    std::vector<ColumnStats> stats;
    std::vector<std::pair<QString, QString>> files; // (what, absolute path), in the order written
    RecordedLoad recorded;
    bool isRecorded = false;

    QString path(const QString &fileName) const;
    void addFile(const QString &what, const QString &filePath);
    // Writes `text` to the tour's file `fileName` (core/util/OutputFile: atomic, owner-only when new)
    // and adds it as `what`. Messages name the file as "--out PATH".
    Status writeFile(const QString &fileName, const QString &what, const std::string &text);
};

struct DemoStep {
    QString name;
    QString description;
    // ensures: on success a one-line note of what the step did.
    std::function<Result<std::string>(DemoState &)> run;
};

class DemoTour {
public:
    static std::vector<DemoStep> steps();
};

} // namespace loupe::cli
