#pragma once
// Fresh workspaces on either backend for the study tests, each with one study on a one-parameter
// space ({"x": uniform(0, 1)}): a new SQLite file per call, or a new database on one throw-away
// PostgreSQL cluster started on first use (tests/support/TemporaryPostgres.h).
//
//   StudyLocations locations;                       // a member of the test class
//   if (backend == StoreBackend::PostgreSql && !locations.postgresReason().isEmpty())
//       LOUPE_REQUIRE_RESOURCE(locations.postgresReason());
//   auto created = locations.create(backend);       // {location, studyId}
//   QVERIFY2(created.isOk(), created.message().c_str());

#include "core/search/SearchSpaceParser.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "tests/support/TemporaryPostgres.h"

#include <QTemporaryDir>

namespace loupe::test {

struct StudyLocation {
    QString location;
    qint64 studyId = 0;
};

class StudyLocations {
public:
    static constexpr const char *spaceJson = R"({"x": {"uniform": [0, 1]}})";

    static SearchSpace space()
    {
        return SearchSpaceParser().parse(nlohmann::json::parse(spaceJson)).takeValue();
    }

    // Empty when PostgreSQL can be used here (the cluster is started on the first call).
    QString postgresReason()
    {
        if (!m_postgresChecked) {
            m_postgresChecked = true;
            m_postgresReason = m_postgres.unavailableReason();
            if (m_postgresReason.isEmpty() && !m_postgres.start())
                m_postgresReason = QStringLiteral("PostgreSQL did not start: ") + m_postgres.lastOutput();
        }
        return m_postgresReason;
    }

    // A new workspace with a study named `name` (budget maxEvals) and a second, empty study "other".
    // requires: postgresReason() is empty for PostgreSql.
    Result<StudyLocation> create(StoreBackend backend, int maxEvals = 100)
    {
        StudyLocation created;
        const int serial = ++m_serial;
        if (backend == StoreBackend::Sqlite) {
            created.location = m_dir.filePath(QStringLiteral("ws%1.sqlite").arg(serial));
        } else {
            const QString database = QStringLiteral("ws%1").arg(serial);
            if (Status made = m_postgres.createDatabase(database); !made.isOk())
                return made;
            created.location = m_postgres.url(database);
        }
        auto store = Store::open(created.location);
        if (!store.isOk())
            return store.status();
        StudyRepository studies(*store.value());
        StudyRecord study;
        study.spaceJson = QString::fromUtf8(spaceJson);
        study.sampler = QStringLiteral("random");
        study.seed = 1;
        study.maxEvals = maxEvals;
        study.name = QStringLiteral("other");
        if (auto other = studies.createOrOpen(study); !other.isOk())
            return other.status();
        study.name = QStringLiteral("study");
        auto opened = studies.createOrOpen(study);
        if (!opened.isOk())
            return opened.status();
        created.studyId = opened.value().id;
        return created;
    }

private:
    QTemporaryDir m_dir;
    TemporaryPostgres m_postgres;
    bool m_postgresChecked = false;
    QString m_postgresReason;
    int m_serial = 0;
};

} // namespace loupe::test
