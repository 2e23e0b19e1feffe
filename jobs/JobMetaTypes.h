#pragma once
// Registers every value type that job signals carry across threads. Idempotent; JobRunner calls it.

namespace loupe {

void registerJobMetaTypes();

} // namespace loupe
