// bench_train: how fast Loupe trains the chapter model, against the machine's own GEMM rate.
//  1. SGEMM rate at every Dense layer's shapes for a batch: forward X*W, weight gradient X^T*dZ,
//     input gradient dZ*W^T, four ways: Eigen parallelizing one GEMM itself (eigen-whole), Loupe's
//     split (single-threaded Eigen GEMMs on each thread's WorkSplit piece: eigen-split), the same
//     split with single-threaded OpenBLAS GEMMs (openblas-split), and one cblas_sgemm that OpenBLAS
//     parallelizes with its own threads (measured last so its spinning threads disturb nothing;
//     Loupe never runs it that way). The GEMM-bound limit takes the best rate measured for each
//     GEMM, whichever way reached it. The kernel Dense runs for each GEMM (GemmKernelTable's
//     choice, measured before the epochs so no timed epoch includes a measurement) is printed too.
//  2. One training epoch of the spec's model on Fashion-MNIST, then test accuracy; repeated
//     --repeat times (default 3) from the same seed (same weights, same accuracy), reporting the
//     median epoch time (and every time), since other work on a shared machine only slows runs.
//  3. Training FLOPs of that epoch, the GEMM-bound limit (every GEMM at its measured rate) and
//     Loupe's time as a multiple of it.
// Usage: bench_train [--spec PATH] [--data DIR] [--seed N] [--repeat N] [--json]

#include "core/data/IdxReader.h"
#include "core/train/ModelSpec.h"
#include "core/nn/GemmKernelTable.h"
#include "core/util/WorkSplit.h"
#include "core/train/ModelFactory.h"
#include "core/train/Trainer.h"
#include "core/util/Timer.h"

#ifdef LOUPE_HAVE_BLAS
#include <cblas.h>
#endif
#include <omp.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace loupe;

namespace {

enum class GemmKind { Forward, WeightGradient, InputGradient };
enum class Backend { Eigen, Split, OpenBlasSplit, OpenBlas };

struct LayerShape {
    Index in = 0;
    Index out = 0;
};

struct GemmRates {
    double forward = 0.0;
    double weightGradient = 0.0;
    double inputGradient = 0.0;
};

void runGemm(Backend backend, GemmKind kind, Index batch, const LayerShape &s, Matrix &x, Matrix &w, Matrix &y,
             Matrix &dw, Matrix &dx)
{
    if (backend != Backend::OpenBlas) {
        // As Dense::forward/backward (GemmRunner): batch rows split for X*W and dZ*W^T, kernel rows for X^T*dZ.
        const GemmKernel kernel = backend == Backend::Eigen ? GemmKernel::EigenWhole
            : backend == Backend::Split                     ? GemmKernel::EigenSplit
                                                            : GemmKernel::OpenBlasSplit;
        const int threads = omp_get_max_threads();
        switch (kind) {
        case GemmKind::Forward: GemmRunner::run(kernel, GemmProduct::Forward, {constView(x), constView(w), viewOf(y)}, threads); break;
        case GemmKind::WeightGradient: GemmRunner::run(kernel, GemmProduct::WeightGradient, {constView(x), constView(y), viewOf(dw)}, threads); break;
        case GemmKind::InputGradient: GemmRunner::run(kernel, GemmProduct::InputGradient, {constView(y), constView(w), viewOf(dx)}, threads); break;
        }
        return;
    }
#ifdef LOUPE_HAVE_BLAS
    const auto b = static_cast<int>(batch), in = static_cast<int>(s.in), out = static_cast<int>(s.out);
    switch (kind) {
    case GemmKind::Forward:
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, b, out, in, 1.0f, x.data(), in, w.data(), out, 0.0f, y.data(), out);
        break;
    case GemmKind::WeightGradient:
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, in, out, b, 1.0f, x.data(), in, y.data(), out, 0.0f, dw.data(), out);
        break;
    case GemmKind::InputGradient:
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, b, in, out, 1.0f, y.data(), out, w.data(), out, 0.0f, dx.data(), in);
        break;
    }
#else
    (void)batch, (void)s, (void)x, (void)w, (void)y, (void)dw, (void)dx;
#endif
}

// GFLOP/s of one GEMM kind, best of five ~0.05 s rounds.
double gemmRate(Backend backend, GemmKind kind, Index batch, const LayerShape &s)
{
    Matrix x = Matrix::Random(batch, s.in), w = Matrix::Random(s.in, s.out), y = Matrix::Random(batch, s.out);
    Matrix dw(s.in, s.out), dx(batch, s.in);
    const double flops = 2.0 * double(batch) * double(s.in) * double(s.out);
    const int reps = std::max(10, static_cast<int>(0.05 * 100e9 / flops));
    for (int i = 0; i < 5; ++i)
        runGemm(backend, kind, batch, s, x, w, y, dw, dx);
    double best = 0.0;
    for (int round = 0; round < 5; ++round) {
        Timer timer;
        for (int i = 0; i < reps; ++i)
            runGemm(backend, kind, batch, s, x, w, y, dw, dx);
        best = std::max(best, flops * reps / timer.seconds() * 1e-9);
    }
    return best;
}

GemmRates measure(Backend backend, Index batch, const LayerShape &s)
{
    return {gemmRate(backend, GemmKind::Forward, batch, s), gemmRate(backend, GemmKind::WeightGradient, batch, s),
            gemmRate(backend, GemmKind::InputGradient, batch, s)};
}

std::string argument(int argc, char **argv, const std::string &name, const std::string &fallback)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (argv[i] == name)
            return argv[i + 1];
    }
    return fallback;
}

bool flag(int argc, char **argv, const std::string &name)
{
    for (int i = 1; i < argc; ++i) {
        if (argv[i] == name)
            return true;
    }
    return false;
}

int fail(const std::string &message)
{
    std::fprintf(stderr, "bench_train: %s\n", message.c_str());
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string specPath = argument(argc, argv, "--spec", LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json");
    const std::string dataDir = argument(argc, argv, "--data", defaultFashionMnistDir());
    const bool json = flag(argc, argv, "--json");

    auto spec = ModelSpec::fromFile(specPath);
    if (!spec.isOk())
        return fail(spec.message());
    const std::string seed = argument(argc, argv, "--seed", "");
    if (!seed.empty())
        spec.value().seed = std::strtoull(seed.c_str(), nullptr, 10);
    auto train = loadMnistSplit(dataDir, "train");
    auto test = loadMnistSplit(dataDir, "t10k");
    if (!train.isOk() || !test.isOk())
        return fail(train.isOk() ? test.message() : train.message());
    const Index features = static_cast<Index>(train.value().features);
    auto trainSet = TrainingSet::fromLabels(std::move(train.value().pixels), features, train.value().labels, 10);
    auto testSet = TrainingSet::fromLabels(std::move(test.value().pixels), features, test.value().labels, 10);
    if (!trainSet.isOk() || !testSet.isOk())
        return fail(trainSet.isOk() ? testSet.message() : trainSet.message());

    // 1. GEMM rates at the Dense shapes.
    const Index batch = spec.value().batchSize;
    std::vector<LayerShape> shapes;
    Index width = features;
    for (const LayerSpec &layer : spec.value().layers) {
        if (layer.kind == LayerKind::Dense) {
            shapes.push_back({width, layer.units});
            width = layer.units;
        }
    }
    std::vector<GemmRates> eigenRates, splitRates, blasSplitRates, rates;
    for (const LayerShape &s : shapes) {
        eigenRates.push_back(measure(Backend::Eigen, batch, s));
        splitRates.push_back(measure(Backend::Split, batch, s));
#ifdef LOUPE_HAVE_BLAS
        blasSplitRates.push_back(measure(Backend::OpenBlasSplit, batch, s));
#endif
    }
    // The kernels Dense will run: chosen (or read from the cache) now, for full and last batches.
    const Index lastBatch = trainSet.value().size() % batch;
    std::vector<std::array<GemmKernel, 3>> chosen;
    for (Index rowsOfBatch : {batch, lastBatch}) {
        for (std::size_t l = 0; l < shapes.size() && rowsOfBatch > 0; ++l) {
            const LayerShape &s = shapes[l];
            const int threads = WorkSplit::threadsFor(rowsOfBatch, 2.0 * double(rowsOfBatch) * double(s.in) * double(s.out));
            auto &table = GemmKernelTable::instance();
            const std::array<GemmKernel, 3> kernels{
                table.kernelFor({GemmProduct::Forward, rowsOfBatch, s.out, s.in, threads}),
                table.kernelFor({GemmProduct::WeightGradient, s.in, s.out, rowsOfBatch, threads}),
                l == 0 ? GemmKernel::EigenSplit : table.kernelFor({GemmProduct::InputGradient, rowsOfBatch, s.in, s.out, threads})};
            if (rowsOfBatch == batch)
                chosen.push_back(kernels);
        }
    }

    // 2. One epoch, --repeat times.
    const int repeat = std::max(1, std::atoi(argument(argc, argv, "--repeat", "3").c_str()));
    std::vector<double> times;
    TrainResult result;
    Evaluation evaluation;
    double evaluationSeconds = 0.0;
    for (int run = 0; run < repeat; ++run) {
        auto model = ModelFactory::buildModel(spec.value(), features);
        if (!model.isOk())
            return fail(model.message());
        Trainer trainer(model.value(), ModelFactory::buildOptimizer(spec.value().optimizer), ModelFactory::buildLoss(spec.value()));
        const Status configured = ModelFactory::configureTrainer(spec.value(), trainer);
        if (!configured.isOk())
            return fail(configured.message());
        trainer.setEpochs(1);
        Timer timer;
        result = trainer.fit(trainSet.value());
        times.push_back(timer.seconds());
        if (!result.status.isOk())
            return fail(result.status.message());
        Timer evaluationTimer;
        evaluation = trainer.evaluate(testSet.value());
        evaluationSeconds = evaluationTimer.seconds();
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    const double seconds = sorted[sorted.size() / 2];
    std::string allTimes;
    for (double t : times)
        allTimes += (allTimes.empty() ? "" : ", ") + std::to_string(t).substr(0, 5);

    std::vector<GemmRates> blasRates;
    std::string blasCore = "none";
#ifdef LOUPE_HAVE_BLAS
    openblas_set_num_threads(omp_get_max_threads()); // OpenBLAS' own threads, for this column only
    for (const LayerShape &s : shapes)
        blasRates.push_back(measure(Backend::OpenBlas, batch, s));
    openblas_set_num_threads(1);
    blasCore = openblas_get_corename();
#endif

    for (std::size_t l = 0; l < shapes.size(); ++l) {
        GemmRates best = eigenRates[l];
        for (const GemmRates &other : {splitRates[l], blasRates.empty() ? GemmRates{} : blasRates[l],
                                       blasSplitRates.empty() ? GemmRates{} : blasSplitRates[l]}) {
            best.forward = std::max(best.forward, other.forward);
            best.weightGradient = std::max(best.weightGradient, other.weightGradient);
            best.inputGradient = std::max(best.inputGradient, other.inputGradient);
        }
        rates.push_back(best);
    }
    // 3. FLOPs and the GEMM-bound limit for one epoch (the first layer needs no input gradient).
    const Index rows = trainSet.value().size();
    double flops = 0.0;
    double boundSeconds = 0.0;
    for (Index begin = 0; begin < rows; begin += batch) {
        const double n = static_cast<double>(std::min(batch, rows - begin));
        for (std::size_t l = 0; l < shapes.size(); ++l) {
            const double f = 2.0 * n * double(shapes[l].in) * double(shapes[l].out);
            flops += (l == 0 ? 2.0 : 3.0) * f;
            boundSeconds += f / (rates[l].forward * 1e9) + f / (rates[l].weightGradient * 1e9)
                + (l == 0 ? 0.0 : f / (rates[l].inputGradient * 1e9));
        }
    }

    const double ratio = seconds / boundSeconds;
    if (json) {
        std::printf("{\"seconds_per_epoch\": %.4f, \"test_accuracy\": %.4f, \"test_loss\": %.4f, \"train_loss\": %.4f, "
                    "\"evaluation_seconds\": %.4f, \"training_gflop\": %.3f, \"gemm_bound_seconds\": %.4f, "
                    "\"ratio_to_gemm_bound\": %.3f, \"threads\": %d, \"openblas_core\": \"%s\", \"machine\": \"%s\", "
                    "\"wait_policy\": \"%s\", \"epoch_times\": [%s], \"gemm\": [",
                    seconds, evaluation.accuracy, evaluation.loss, result.lastEpoch->loss, evaluationSeconds, flops * 1e-9,
                    boundSeconds, ratio, omp_get_max_threads(), blasCore.c_str(), GemmKernelCache::machineKey().c_str(),
                    std::getenv("OMP_WAIT_POLICY") ? std::getenv("OMP_WAIT_POLICY") : "default", allTimes.c_str());
        for (std::size_t l = 0; l < shapes.size(); ++l) {
            std::printf("%s{\"shape\": \"%ldx%ldx%ld\", \"eigen\": [%.1f, %.1f, %.1f], \"loupe_split\": [%.1f, %.1f, %.1f]",
                        l ? ", " : "", long(batch), long(shapes[l].in), long(shapes[l].out), eigenRates[l].forward,
                        eigenRates[l].weightGradient, eigenRates[l].inputGradient, splitRates[l].forward,
                        splitRates[l].weightGradient, splitRates[l].inputGradient);
            if (!blasRates.empty())
                std::printf(", \"openblas\": [%.1f, %.1f, %.1f]", blasRates[l].forward, blasRates[l].weightGradient,
                            blasRates[l].inputGradient);
            if (!blasSplitRates.empty())
                std::printf(", \"openblas_split\": [%.1f, %.1f, %.1f]", blasSplitRates[l].forward,
                            blasSplitRates[l].weightGradient, blasSplitRates[l].inputGradient);
            std::printf(", \"chosen\": [\"%s\", \"%s\", \"%s\"]", gemmKernelName(chosen[l][0]).data(),
                        gemmKernelName(chosen[l][1]).data(), l == 0 ? "-" : gemmKernelName(chosen[l][2]).data());
            std::printf("}");
        }
        std::printf("]}\n");
        return 0;
    }
    std::printf("SGEMM GFLOP/s (forward, weight gradient, input gradient), %d threads:\n", omp_get_max_threads());
    for (std::size_t l = 0; l < shapes.size(); ++l) {
        std::printf("  %4ldx%4ldx%4ld  eigen %6.1f %6.1f %6.1f   loupe split %6.1f %6.1f %6.1f", long(batch),
                    long(shapes[l].in), long(shapes[l].out), eigenRates[l].forward, eigenRates[l].weightGradient,
                    eigenRates[l].inputGradient, splitRates[l].forward, splitRates[l].weightGradient,
                    splitRates[l].inputGradient);
        if (!blasRates.empty())
            std::printf("   openblas(%s) %6.1f %6.1f %6.1f", blasCore.c_str(), blasRates[l].forward,
                        blasRates[l].weightGradient, blasRates[l].inputGradient);
        if (!blasSplitRates.empty())
            std::printf("   openblas split %6.1f %6.1f %6.1f", blasSplitRates[l].forward, blasSplitRates[l].weightGradient,
                        blasSplitRates[l].inputGradient);
        std::printf("   chosen %s %s %s\n", gemmKernelName(chosen[l][0]).data(), gemmKernelName(chosen[l][1]).data(),
                    l == 0 ? "-" : gemmKernelName(chosen[l][2]).data());
    }
    std::printf("training FLOPs per epoch: %.1f GFLOP\n", flops * 1e-9);
    std::printf("GEMM-bound limit (best rate measured for each GEMM): %.3f s/epoch\n", boundSeconds);
    std::printf("Loupe: %.3f s/epoch, median of %d (%s) (%.2fx the GEMM-bound limit), train loss %.4f, test accuracy %.4f "
                "(test pass %.3f s)\n",
                seconds, repeat, allTimes.c_str(), ratio, result.lastEpoch->loss, evaluation.accuracy, evaluationSeconds);
    return 0;
}
