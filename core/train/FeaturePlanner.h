#pragma once
// Proposes which columns of a table a model should train on (FeaturePlan), so that a CSV with an id,
// a name or a free-text column can be trained without hand-written exclusions. The one policy behind
// the GUI's feature table and loupe-cli's train, lr-find, snapshot and search (TrainingDataService
// runs it for every table request).
//
// For every column other than the target, in this order (the first rule that applies decides):
//   1. named in `ignored`            -> ignored (Chosen): the user's choice always wins;
//   2. named in `kept`               -> feature, whatever the rules below would say;
//   3. selection AsGiven             -> feature (no proposal);
//   4. no value in any row, or missing in more than `mostlyMissingShare` of the rows -> ignored (Missing);
//   5. one distinct value            -> ignored (Constant);
//   6. an identifier (core/privacy's IdentifierDetector: text unique in every row, or named like an id
//      and nearly unique; an int64 only when also named like an id or strictly increasing, since a
//      unique number can be a measurement), or an int64 named like an id (customer_id: its value is
//      no quantity), or text named like an id with more levels than the one-hot cap -> ignored (Identifier);
//   7. personal data: a text column of person names (core/privacy's PersonNameDetector: named like a
//      person's name and shaped like names), or where core/privacy's scanner finds e-mails, phone
//      numbers, card numbers, ... in at least `personalShare` of `sampledCells` evenly spaced cells; a
//      datetime named like a birth date; an int64 named like an SSN or a phone number -> ignored (PersonalData);
//   8. text with more than maxFeatureLevels distinct values (free text, names) -> ignored (HighCardinality);
//   9. otherwise a feature, encoded as TableEncoding does (numbers, 0/1 flags, datetimes as seconds
//      since 1970-01-01, text one-hot).
// Missing values: the given policy, else (Proposed) Impute when a feature column has missing values
// (stated in missingNote), else Reject. A name column that rule 7 misses (named "name", or names in
// lower case) is still ignored by rule 8 when it has more values than the cap.
// The class balance of a class target (bool, text, or int64 with at most maxIntegerClasses values)
// is counted for every class. Deterministic; single-threaded; cost: a few passes per column
// (ColumnStats, the identifier check), about 0.1 s per column of 1M rows.

#include "core/data/Table.h"
#include "core/train/FeaturePlan.h"
#include "core/util/CancellationToken.h"
#include "core/util/Status.h"

#include <optional>
#include <string>
#include <vector>

namespace loupe {

struct FeaturePlanOptions {
    std::string target;
    ColumnSelection selection = ColumnSelection::Proposed;
    std::vector<std::string> ignored; // the user's: always ignored
    std::vector<std::string> kept;    // the user's: features whatever the proposal says
    std::size_t maxFeatureLevels = TableEncodingOptions{}.maxFeatureLevels;
    std::size_t maxIntegerClasses = TableEncodingOptions{}.maxIntegerClasses;
    std::size_t maxClasses = TableEncodingOptions{}.maxClasses;
    TargetTask task = TargetTask::Auto;
    std::optional<MissingValues> missing; // nullopt: proposed (see above)
    // What the run does about an imbalanced class target (ClassBalance.h); nullopt: none. The plan
    // suggests Balanced (suggestedWeighting, balanceNote) when the rarest class has less than
    // FeaturePlan::s_rareClassShare of the rows, whatever is chosen.
    std::optional<ClassWeighting> classWeighting;
    std::optional<Resampling> resampling;
    double mostlyMissingShare = 0.5;
    std::size_t sampledCells = 2000;
    double personalShare = 0.5;
    const CancellationToken *cancellation = nullptr;
};

class FeaturePlanner {
public:
    // ensures: InvalidInput when the target is not in the table, a name in ignored / kept is not
    // in the table, is the target, or is in both lists; Cancelled when the token is set.
    static Result<FeaturePlan> propose(const Table &table, const FeaturePlanOptions &options);
};

} // namespace loupe
