#pragma once
// What every page receives from MainWindow: the shared job runner, the current dataset and the
// workspace location. Pages keep the pointers; MainWindow owns the objects and outlives the pages.

#include <QString>

namespace loupe {

class DatasetSession;
class JobRunner;

struct PageContext {
    JobRunner *runner = nullptr;
    DatasetSession *dataset = nullptr;
    QString workspace; // Store location (db/store/ConnectionSpec.h); empty: loads are not recorded
};

} // namespace loupe
