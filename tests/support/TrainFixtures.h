#pragma once
// The training fixtures of the UI tests (tests/fixtures/train): their paths, a file's text, and
// a CSV (tiny.csv, transactions-300.csv) loaded as the Data page would hand it over. Header-only.
#include "jobs/LoadedTable.h"
#include "core/data/CsvReader.h"

#include <QFile>
#include <QString>
#include <QtGlobal>

#include <memory>

namespace loupe::testsupport {

inline QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/train/") + name;
}

// The file's text, empty when it cannot be read.
inline QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A CSV of tests/fixtures/train read with the default CSV options, as the Data page hands it over; a
// broken fixture stops the test binary.
inline LoadedTable fixtureTable(const QString &name)
{
    auto report = CsvReader().readFile(fixture(name).toStdString());
    if (!report.isOk())
        qFatal("%s: %s", qPrintable(name), report.message().c_str());
    LoadedTable loaded;
    loaded.table = std::make_shared<const Table>(report.takeValue().table);
    loaded.path = fixture(name);
    return loaded;
}

inline LoadedTable tinyTable()
{
    return fixtureTable(QStringLiteral("tiny.csv"));
}

} // namespace loupe::testsupport
