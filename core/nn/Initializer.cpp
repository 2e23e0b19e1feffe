#include "core/nn/Initializer.h"

#include "core/util/RandomGenerator.h"

#include <array>
#include <cmath>
#include <utility>

namespace loupe {

namespace {
constexpr std::array<std::pair<Initializer, std::string_view>, 4> s_initializerNames{{
    {Initializer::GlorotUniform, "glorot_uniform"},
    {Initializer::HeUniform, "he_uniform"},
    {Initializer::HeNormal, "he_normal"},
    {Initializer::Zeros, "zeros"},
}};

void fillUniform(Matrix &kernel, float limit, RandomGenerator &rng)
{
    float *data = kernel.data();
    for (Index i = 0; i < kernel.size(); ++i)
        data[i] = rng.uniform(-limit, limit);
}
} // namespace

std::string initializerName(Initializer initializer)
{
    for (const auto &[value, name] : s_initializerNames) {
        if (value == initializer)
            return std::string(name);
    }
    return "glorot_uniform";
}

std::optional<Initializer> initializerFromName(std::string_view name)
{
    for (const auto &[value, known] : s_initializerNames) {
        if (known == name)
            return value;
    }
    return std::nullopt;
}

void initializeKernel(Initializer initializer, Matrix &kernel, RandomGenerator &rng)
{
    const double fanIn = static_cast<double>(kernel.rows());
    const double fanOut = static_cast<double>(kernel.cols());
    switch (initializer) {
    case Initializer::GlorotUniform:
        fillUniform(kernel, static_cast<float>(std::sqrt(6.0 / (fanIn + fanOut))), rng);
        break;
    case Initializer::HeUniform:
        fillUniform(kernel, static_cast<float>(std::sqrt(6.0 / fanIn)), rng);
        break;
    case Initializer::HeNormal: {
        // Keras divides by the standard deviation of a unit normal truncated at two sd so the
        // truncated law keeps variance 2 / fanIn.
        const double stddev = std::sqrt(2.0 / fanIn) / 0.87962566103423978;
        float *data = kernel.data();
        for (Index i = 0; i < kernel.size(); ++i)
            data[i] = static_cast<float>(rng.truncatedNormal(stddev));
        break;
    }
    case Initializer::Zeros:
        kernel.setZero();
        break;
    }
}

} // namespace loupe
