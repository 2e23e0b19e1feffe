#include "app/cli/DemoSuite.h"

namespace loupe::cli {

// A copy of resources/examples/transactions/suite.json, byte for byte (tst_cli compares the two), so the
// installed loupe-cli runs the demo's data tests without the source tree.
std::string_view DemoSuite::text()
{
    return R"suite({
  "suite": "transactions",
  "description": "Data tests for the simulator's card transactions (loupe-cli simulate / demo): six catch its planted defects, four pass.",
  "tests": [
    {
      "name": "birth_within_130_years",
      "assert": "after",
      "column": "birth_date",
      "target": "{earliest_birth}",
      "locals": {
        "max_age": "days(365*130)",
        "earliest_birth": "today() - max_age"
      },
      "note": "No card holder can be born before {earliest_birth} (130 years before the run)."
    },
    {
      "name": "birth_in_past",
      "assert": "past",
      "column": "birth_date",
      "locals": {"run_day": "today()"},
      "note": "A birth date after {run_day} is a typo or a placeholder, not a customer."
    },
    {
      "name": "transaction_id_unique",
      "assert": "unique",
      "column": "transaction_id",
      "locals": {"rows": "count()", "ids": "distinct(transaction_id)"},
      "note": "{rows} rows hold only {ids} distinct transaction ids: a batch was loaded twice."
    },
    {
      "name": "timestamp_in_order",
      "assert": "monotonic_increasing",
      "column": "timestamp",
      "strict": false,
      "locals": {"first": "min(timestamp)", "last": "max(timestamp)"},
      "note": "The export is sorted by time from {first} to {last}; a step back is a replayed or late batch."
    },
    {
      "name": "memo_without_pii",
      "assert": "no_pii",
      "column": "memo",
      "kinds": ["ssn", "credit_card"],
      "locals": {"memos": "count(memo)"},
      "note": "Free text ({memos} memos) must not carry SSNs or card numbers; mask them before sharing the data."
    },
    {
      "name": "amount_positive",
      "assert": "between",
      "column": "amount",
      "min": 0,
      "strict": true,
      "locals": {"lowest": "min(amount)"},
      "note": "Amounts are charges, never refunds; the lowest here is {lowest}."
    },
    {"name": "transaction_id_present", "assert": "not_null", "column": "transaction_id"},
    {"name": "memo_mostly_present", "assert": "not_null", "column": "memo", "mostly": 0.5},
    {
      "name": "category_known",
      "assert": "in_set",
      "column": "category",
      "values": ["dining", "electronics", "grocery", "apparel", "online", "utilities",
                 "entertainment", "fuel", "cash", "home", "health", "travel"]
    },
    {"name": "customer_time_unique", "assert": "compound_unique", "columns": ["customer_id", "timestamp"]}
  ]
}
)suite";
}

} // namespace loupe::cli
