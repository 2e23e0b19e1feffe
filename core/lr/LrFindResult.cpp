#include "core/lr/LrFindResult.h"

namespace loupe {

std::string lrFindModeName(LrFindMode mode)
{
    return mode == LrFindMode::OnePass ? "onepass" : "range";
}

} // namespace loupe
