#pragma once
// Which learning-rate finder to run and with what options: what loupe-cli lr-find's options and the
// Learning-rate page's finder panel both say, and what an 'lr-find' run stores as its config
// (lrFindConfigJson). Only the chosen mode's options matter.

#include "core/lr/LrFindResult.h"
#include "core/lr/OnePassFinder.h"
#include "core/lr/RangeTest.h"

namespace loupe {

struct LrFindSettings {
    LrFindMode mode = LrFindMode::OnePass;
    RangeTestOptions range;   // LrFindMode::Range
    OnePassOptions onePass;   // LrFindMode::OnePass
};

} // namespace loupe
