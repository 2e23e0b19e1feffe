#include "core/nn/GemmKernelCache.h"

#include "core/util/JsonReader.h"

#ifdef LOUPE_HAVE_BLAS
#include <cblas.h>
#endif

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace loupe {

namespace {

std::string gemmCacheCpuFeatures()
{
    std::string features;
    const auto add = [&features](bool present, const char *name) {
        if (present)
            features += (features.empty() ? "" : ",") + std::string(name);
    };
    __builtin_cpu_init();
    add(__builtin_cpu_supports("sse4.2"), "sse4.2");
    add(__builtin_cpu_supports("avx"), "avx");
    add(__builtin_cpu_supports("avx2"), "avx2");
    add(__builtin_cpu_supports("fma"), "fma");
    add(__builtin_cpu_supports("avx512f"), "avx512f");
    add(__builtin_cpu_supports("avx512bw"), "avx512bw");
    add(__builtin_cpu_supports("avx512dq"), "avx512dq");
    add(__builtin_cpu_supports("avx512vl"), "avx512vl");
    add(__builtin_cpu_supports("avx512vnni"), "avx512vnni");
    return features.empty() ? "none" : features;
}

// The widest vector instructions the compiler was allowed for Loupe's own code (LOUPE_MARCH).
constexpr const char *gemmCacheBuildIsa()
{
#if defined(__AVX512F__)
    return "avx512f";
#elif defined(__AVX2__) && defined(__FMA__)
    return "avx2-fma";
#elif defined(__AVX__)
    return "avx";
#else
    return "sse";
#endif
}

std::uint64_t gemmCacheHash(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ull; // FNV-1a
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

Status gemmCacheError(std::string_view source, const std::string &where, const std::string &what)
{
    return Status::invalidInput(std::string(source) + ": " + where + ": " + what);
}

Result<Index> gemmCacheSize(const nlohmann::json &entry, const char *name, Index maximum, std::string_view source,
                            const std::string &where)
{
    const auto it = entry.find(name);
    if (it == entry.end() || !it->is_number_integer())
        return gemmCacheError(source, where + "." + name, "must be a whole number");
    const auto value = it->get<std::int64_t>();
    if (value < 1 || value > maximum)
        return gemmCacheError(source, where + "." + name, "must be between 1 and " + std::to_string(maximum));
    return static_cast<Index>(value);
}

} // namespace

std::string GemmKernelCache::machineKey()
{
    std::string key = "cpu=" + gemmCacheCpuFeatures() + ";build=" + gemmCacheBuildIsa() + ";eigen="
        + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "."
        + std::to_string(EIGEN_MINOR_VERSION);
#ifdef LOUPE_HAVE_BLAS
    key += std::string(";openblas=") + openblas_get_config() + ";core=" + openblas_get_corename();
#else
    key += ";openblas=none";
#endif
    return key;
}

std::string GemmKernelCache::fileName(std::string_view key)
{
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(gemmCacheHash(key)));
    return "gemm-kernels-" + std::string(hex) + ".json";
}

std::string GemmKernelCache::defaultDirectory()
{
    if (const char *dir = std::getenv("LOUPE_CACHE_DIR"); dir && *dir)
        return dir;
    if (const char *dir = std::getenv("XDG_CACHE_HOME"); dir && *dir == '/')
        return std::string(dir) + "/loupe";
    if (const char *home = std::getenv("HOME"); home && *home == '/')
        return std::string(home) + "/.cache/loupe";
    return {};
}

Result<GemmChoices> GemmKernelCache::parse(std::string_view text, std::string_view source, std::string_view expectedKey)
{
    JsonLimits limits;
    limits.maxBytes = s_maxBytes;
    limits.maxDepth = 8;
    auto parsed = JsonReader::parse(text, source, limits);
    if (!parsed.isOk())
        return parsed.status();
    const nlohmann::json &document = parsed.value();
    if (!document.is_object())
        return gemmCacheError(source, "(root)", "must be an object");
    const auto format = document.find("format");
    if (format == document.end() || !format->is_string() || *format != "loupe-gemm-kernels")
        return gemmCacheError(source, "format", "must be \"loupe-gemm-kernels\"");
    const auto version = document.find("version");
    if (version == document.end() || !version->is_number_integer() || *version != 1)
        return gemmCacheError(source, "version", "must be 1");
    const auto machine = document.find("machine");
    if (machine == document.end() || !machine->is_string())
        return gemmCacheError(source, "machine", "must be a string");
    if (machine->get<std::string>() != expectedKey)
        return gemmCacheError(source, "machine", "was written for another machine or library version");
    const auto list = document.find("choices");
    if (list == document.end() || !list->is_array())
        return gemmCacheError(source, "choices", "must be an array");

    GemmChoices choices;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const nlohmann::json &entry = (*list)[i];
        const std::string where = "choices[" + std::to_string(i) + "]";
        if (!entry.is_object())
            return gemmCacheError(source, where, "must be an object");
        GemmShape shape;
        const auto product = entry.find("product");
        const auto productValue = product != entry.end() && product->is_string()
            ? gemmProductFromName(product->get<std::string>()) : std::nullopt;
        if (!productValue)
            return gemmCacheError(source, where + ".product", "must be forward, weight-gradient or input-gradient");
        shape.product = *productValue;
        Result<Index> m = gemmCacheSize(entry, "m", s_maxDimension, source, where);
        Result<Index> n = gemmCacheSize(entry, "n", s_maxDimension, source, where);
        Result<Index> k = gemmCacheSize(entry, "k", s_maxDimension, source, where);
        Result<Index> threads = gemmCacheSize(entry, "threads", s_maxThreads, source, where);
        for (const Result<Index> *value : {&m, &n, &k, &threads}) {
            if (!value->isOk())
                return value->status();
        }
        shape.m = m.value();
        shape.n = n.value();
        shape.k = k.value();
        shape.threads = static_cast<int>(threads.value());
        const auto kernel = entry.find("kernel");
        const auto kernelValue = kernel != entry.end() && kernel->is_string()
            ? gemmKernelFromName(kernel->get<std::string>()) : std::nullopt;
        if (!kernelValue || !gemmKernelAvailable(*kernelValue))
            return gemmCacheError(source, where + ".kernel", "must name a kernel this build has");
        GemmChoice choice;
        choice.kernel = *kernelValue;
        if (const auto rates = entry.find("gflops"); rates != entry.end()) {
            if (!rates->is_object())
                return gemmCacheError(source, where + ".gflops", "must be an object");
            for (const auto &[name, rate] : rates->items()) {
                const auto measured = gemmKernelFromName(name);
                if (!measured || !rate.is_number() || !std::isfinite(rate.get<double>()) || rate.get<double>() < 0.0)
                    return gemmCacheError(source, where + ".gflops." + name, "must be a known kernel's rate");
                choice.gflops[*measured] = rate.get<double>();
            }
        }
        if (!choices.emplace(shape, std::move(choice)).second)
            return gemmCacheError(source, where, "repeats an earlier entry's product, shape and threads");
    }
    return choices;
}

std::string GemmKernelCache::serialize(const GemmChoices &choices, std::string_view key)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &[shape, choice] : choices) {
        nlohmann::json rates = nlohmann::json::object();
        for (const auto &[kernel, rate] : choice.gflops)
            rates[std::string(gemmKernelName(kernel))] = std::round(rate * 10.0) / 10.0;
        list.push_back({{"product", gemmProductName(shape.product)}, {"m", shape.m}, {"n", shape.n}, {"k", shape.k},
                        {"threads", shape.threads}, {"kernel", gemmKernelName(choice.kernel)}, {"gflops", rates}});
    }
    nlohmann::json document = {{"format", "loupe-gemm-kernels"}, {"version", 1}, {"machine", key}, {"choices", list}};
    return document.dump(1) + "\n";
}

} // namespace loupe
