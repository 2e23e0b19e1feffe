#pragma once
// What a test does when something it needs is missing here: a PostgreSQL server, a data set, a tool.
// On a developer's machine it skips with the reason. Under CI=true it fails instead: ctest counts a
// skipped test as passed, so in CI (which sets CI=true, as do scripts/test.sh and .ci/run after
// installing everything) a missing service would otherwise hide every check behind it.
//
//   if (!QFile::exists(path)) LOUPE_REQUIRE_RESOURCE(QStringLiteral("Fashion-MNIST not found in ") + dir);
//
// Header-only, for any test layer. Use it in a test function or initTestCase (it returns from it).

#include <QByteArray>
#include <QString>
#include <QtTest>

namespace loupe::test {

// True when CI is set to anything but "", "0" or "false".
inline bool missingResourceFails()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != "0" && ci != "false";
}

} // namespace loupe::test

#define LOUPE_REQUIRE_RESOURCE(reason)                                                                        \
    do {                                                                                                      \
        const QString loupeMissingResource = (reason);                                                        \
        if (::loupe::test::missingResourceFails())                                                            \
            QFAIL(qPrintable(loupeMissingResource + QStringLiteral(" (CI is set: a missing resource fails)"))); \
        QSKIP(qPrintable(loupeMissingResource));                                                              \
    } while (false)
