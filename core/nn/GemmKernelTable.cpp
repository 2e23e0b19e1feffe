#include "core/nn/GemmKernelTable.h"

#include "core/util/JsonReader.h"
#include "core/util/OutputFile.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace loupe {

namespace {

// Operands filled from a fixed-seed generator (not std::rand, whose state others may rely on).
void fillGemmOperand(Matrix &matrix, std::uint32_t seed)
{
    std::uint32_t state = seed * 2654435761u + 1u;
    for (Index i = 0; i < matrix.size(); ++i) {
        state = state * 1664525u + 1013904223u;
        matrix.data()[i] = static_cast<float>(state >> 8) * (1.0f / 16777216.0f) - 0.5f;
    }
}

struct GemmTrialOperands {
    Matrix a;
    Matrix b;
    Matrix c;
};

GemmTrialOperands makeGemmTrialOperands(const GemmShape &shape)
{
    GemmTrialOperands op;
    switch (shape.product) {
    case GemmProduct::Forward:
        op.a.resize(shape.m, shape.k);
        op.b.resize(shape.k, shape.n);
        break;
    case GemmProduct::WeightGradient:
        op.a.resize(shape.k, shape.m);
        op.b.resize(shape.k, shape.n);
        break;
    case GemmProduct::InputGradient:
        op.a.resize(shape.m, shape.k);
        op.b.resize(shape.n, shape.k);
        break;
    }
    op.c.resize(shape.m, shape.n);
    fillGemmOperand(op.a, 1);
    fillGemmOperand(op.b, 2);
    return op;
}

std::optional<GemmKernel> forcedGemmKernel()
{
    const char *value = std::getenv("LOUPE_GEMM_KERNEL");
    if (!value || !*value)
        return std::nullopt;
    const auto kernel = gemmKernelFromName(value);
    return kernel && gemmKernelAvailable(*kernel) ? kernel : std::nullopt;
}

std::string defaultGemmCacheFile()
{
    if (const char *mode = std::getenv("LOUPE_GEMM_CACHE"); mode && std::string_view(mode) == "off")
        return {};
    const std::string directory = GemmKernelCache::defaultDirectory();
    if (directory.empty())
        return {};
    return directory + "/" + GemmKernelCache::fileName(GemmKernelCache::machineKey());
}

} // namespace

GemmKernelTable &GemmKernelTable::instance()
{
    static GemmKernelTable table([] {
        Options options;
        options.cacheFile = defaultGemmCacheFile();
        options.forced = forcedGemmKernel();
        return options;
    }());
    return table;
}

GemmKernelTable::GemmKernelTable(Options options)
    : m_options(std::move(options))
{
}

GemmKernel GemmKernelTable::kernelFor(const GemmShape &shape)
{
    if (m_options.forced)
        return *m_options.forced;
    if (2.0 * double(shape.m) * double(shape.n) * double(shape.k) < s_minimumWork)
        return GemmKernel::EigenSplit;
    std::lock_guard lock(m_mutex);
    if (!m_loadTried)
        loadLocked();
    if (const auto it = m_choices.find(shape); it != m_choices.end())
        return it->second.kernel;
    GemmChoice choice = measure(shape);
    const GemmKernel kernel = choice.kernel;
    m_choices.emplace(shape, std::move(choice));
    saveLocked();
    return kernel;
}

GemmChoice GemmKernelTable::measure(const GemmShape &shape) const
{
    std::vector<GemmKernel> candidates;
    for (GemmKernel kernel : kGemmKernels) {
        // EigenWhole runs on every thread there is: a candidate only when all of them are asked for.
        if (gemmKernelAvailable(kernel) && (kernel != GemmKernel::EigenWhole || shape.threads > 1))
            candidates.push_back(kernel);
    }
    GemmTrialOperands op = makeGemmTrialOperands(shape);
    const GemmOperands operands{constView(op.a), constView(op.b), viewOf(op.c)};
    const double flops = 2.0 * double(shape.m) * double(shape.n) * double(shape.k);
    // Calibrate the repetitions per round on EigenSplit (after a warm-up call of every candidate).
    for (GemmKernel kernel : candidates)
        GemmRunner::run(kernel, shape.product, operands, shape.threads);
    Timer calibration;
    GemmRunner::run(GemmKernel::EigenSplit, shape.product, operands, shape.threads);
    const double once = std::max(calibration.seconds(), 1e-7);
    const int repetitions = std::clamp(static_cast<int>(m_options.secondsPerRound / once), 1, 10000);

    std::vector<double> best(candidates.size(), 0.0);
    for (int round = 0; round < std::max(1, m_options.rounds); ++round) {
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            Timer timer;
            for (int r = 0; r < repetitions; ++r)
                GemmRunner::run(candidates[c], shape.product, operands, shape.threads);
            const double seconds = std::max(timer.seconds(), 1e-9);
            best[c] = std::max(best[c], flops * repetitions / seconds * 1e-9);
        }
    }
    GemmChoice choice;
    double baseline = 0.0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        choice.gflops[candidates[c]] = best[c];
        if (candidates[c] == GemmKernel::EigenSplit)
            baseline = best[c];
    }
    double winner = baseline * s_requiredGain;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c] != GemmKernel::EigenSplit && best[c] > winner) {
            winner = best[c];
            choice.kernel = candidates[c];
        }
    }
    return choice;
}

GemmChoices GemmKernelTable::choices() const
{
    std::lock_guard lock(m_mutex);
    return m_choices;
}

bool GemmKernelTable::cacheLoaded() const
{
    std::lock_guard lock(m_mutex);
    return m_loaded;
}

std::string GemmKernelTable::cacheProblem() const
{
    std::lock_guard lock(m_mutex);
    return m_problem;
}

void GemmKernelTable::loadLocked()
{
    m_loadTried = true;
    if (m_options.cacheFile.empty())
        return;
    std::error_code error;
    if (!std::filesystem::exists(m_options.cacheFile, error))
        return;
    Result<std::string> text = JsonReader::readFile(m_options.cacheFile, GemmKernelCache::s_maxBytes);
    if (!text.isOk()) {
        m_problem = text.message();
        return;
    }
    Result<GemmChoices> parsed
        = GemmKernelCache::parse(text.value(), m_options.cacheFile, GemmKernelCache::machineKey());
    if (!parsed.isOk()) {
        m_problem = parsed.message(); // measured again, and the file replaced at the next save
        return;
    }
    m_choices = std::move(parsed.value());
    m_loaded = true;
}

void GemmKernelTable::saveLocked() const
{
    if (m_options.cacheFile.empty())
        return;
    std::error_code error;
    const std::filesystem::path path(m_options.cacheFile);
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), error);
    // A cache that cannot be written only costs a measurement in the next process.
    (void)OutputFile::write(OutputTarget{"", m_options.cacheFile, FileAccess::OwnerOnly, StreamUse::Refused},
                            GemmKernelCache::serialize(m_choices, GemmKernelCache::machineKey()));
}

} // namespace loupe
