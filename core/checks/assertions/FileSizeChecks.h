#pragma once
// The size checks of FileAssertion (marbles' FileSize mixins) on a file of `size` bytes:
//   between       min and/or max, inclusive
//   equal         size (bytes)
//   almost equal  size plus delta (|actual - size| <= delta) or places (unittest's rule: the difference
//                 rounded to `places` decimal places, half to even, is 0; default 7, so only a negative
//                 places such as -3 tolerates a difference, up to half of 10^3); not both
//   zero          the file is empty
// validate*() name the parameter on a bad value; find*() assume validation passed.

#include "core/checks/AssertionParams.h"
#include "core/checks/assertions/FileFinding.h"
#include "core/util/Status.h"

#include <cstdint>

namespace loupe {

class FileSizeChecks {
public:
    static Status validateBetween(const AssertionParams &params);
    static Status validateEqual(const AssertionParams &params);
    static Status validateAlmostEqual(const AssertionParams &params);

    static FileFinding between(std::int64_t size, const AssertionParams &params);
    static FileFinding equal(std::int64_t size, const AssertionParams &params);
    static FileFinding almostEqual(std::int64_t size, const AssertionParams &params);
    static FileFinding zero(std::int64_t size);

    // unittest's assertAlmostEqual on integers: |difference| <= delta, or the difference rounded to
    // `places` (half to even) is 0.
    static bool almostEqualByPlaces(std::int64_t difference, std::int64_t places);
};

} // namespace loupe
