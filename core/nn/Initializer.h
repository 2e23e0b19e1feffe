#pragma once
// Kernel initializers with Keras' definitions.

#include "core/util/Matrix.h"

#include <optional>
#include <string>
#include <string_view>

namespace loupe {

class RandomGenerator;

enum class Initializer {
    GlorotUniform, // U(-l, l), l = sqrt(6 / (fanIn + fanOut)); Keras' Dense default
    HeUniform,     // U(-l, l), l = sqrt(6 / fanIn)
    HeNormal,      // truncated normal (2 sd), sd = sqrt(2 / fanIn) / 0.87962566103423978
    Zeros,
};

// "glorot_uniform", "he_uniform", "he_normal", "zeros".
std::string initializerName(Initializer initializer);
std::optional<Initializer> initializerFromName(std::string_view name);

// requires: kernel is fanIn x fanOut. ensures: every entry drawn from the initializer's law, in
// row-major order from rng (so the same seed gives the same kernel).
void initializeKernel(Initializer initializer, Matrix &kernel, RandomGenerator &rng);

} // namespace loupe
