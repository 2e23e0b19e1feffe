#pragma once
// StudyRepository: the studies table. Same thread as its Store (see Store.h).
//
// A study is found by its unique name. Creating one is safe against a concurrent creator in
// another process (INSERT ... ON CONFLICT DO NOTHING, then read back): both get the same row.

#include "core/util/Status.h"
#include "db/studies/StudyRecord.h"

#include <optional>
#include <vector>

namespace loupe {

class Store;

enum class StudyOpenMode {
    CreateOrOpen, // create the study, or open it if the name exists with the same space
    OpenExisting, // fail (InvalidInput) when no study has that name
};

class StudyRepository {
public:
    // requires: `store` outlives the repository.
    explicit StudyRepository(Store &store) : m_store(store) {}

    // Creates `wanted` (name, direction, space, sampler, seed, maxEvals, objective) or opens the
    // existing study of that name.
    // Fails (InvalidInput) when an existing study of that name has a different space or objective
    // (compared as JSON values, so key order and spacing do not matter), naming the study, or
    // when mode is OpenExisting and there is none.
    // ensures: the stored record; an existing study keeps its own sampler, seed and budget.
    Result<StudyRecord> createOrOpen(const StudyRecord &wanted, StudyOpenMode mode = StudyOpenMode::CreateOrOpen);

    // ensures: nullopt when no study has that name.
    Result<std::optional<StudyRecord>> find(const QString &name);
    Result<std::optional<StudyRecord>> find(qint64 id);
    // Every study, oldest first.
    Result<std::vector<StudyRecord>> list();

    // Sets the budget (e.g. a resumed search with a larger --max-evals).
    Status setMaxEvals(qint64 studyId, int maxEvals);

    // Deletes the study with its trials. Fails (InvalidInput) if no study has that id.
    Status remove(qint64 studyId);

private:
    Result<std::optional<StudyRecord>> findWhere(const QString &condition, const QVariant &value);

    Store &m_store;
};

} // namespace loupe
