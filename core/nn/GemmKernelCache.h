#pragma once
// The file that remembers which GEMM kernel won on this machine, so the measurement runs once per
// machine and not at every start. It is an input like any other: GemmKernelTable ignores (and
// later replaces) a file that does not parse, has another format or version, was written for
// another machine key, or holds any entry with a wrong type, an out-of-range size or an unknown
// product or kernel name. A bad cache costs one re-measurement, never a crash or a wrong kernel.
//
//   {"format": "loupe-gemm-kernels", "version": 1, "machine": "<GemmKernelCache::machineKey()>",
//    "choices": [{"product": "forward", "m": 128, "n": 512, "k": 784, "threads": 2,
//                 "kernel": "openblas-split", "gflops": {"eigen-split": 180.2, ...}}, ...]}
//
// The machine key names what decides the winner and nothing else: the CPU's instruction-set
// features as cpuid reports them (never its name), the instruction set Loupe was compiled for, the
// Eigen version, and OpenBLAS' build configuration and the kernel core it picked at load time
// (which OPENBLAS_CORETYPE changes). Each key has its own file (gemm-kernels-<hash>.json).

#include "core/nn/GemmKernel.h"
#include "core/util/Status.h"

#include <map>
#include <string>
#include <string_view>
#include <tuple>

namespace loupe {

struct GemmShape {
    GemmProduct product = GemmProduct::Forward;
    Index m = 0;
    Index n = 0;
    Index k = 0;
    int threads = 1;

    auto tie() const { return std::tie(product, m, n, k, threads); }
    bool operator<(const GemmShape &other) const { return tie() < other.tie(); }
    bool operator==(const GemmShape &other) const { return tie() == other.tie(); }
};

struct GemmChoice {
    GemmKernel kernel = GemmKernel::EigenSplit;
    std::map<GemmKernel, double> gflops; // what each candidate reached when measured
};

using GemmChoices = std::map<GemmShape, GemmChoice>;

class GemmKernelCache {
public:
    // The key of this process: "cpu=avx2,fma,...;build=avx512f;eigen=3.4.0;openblas=...;core=Haswell".
    static std::string machineKey();
    // "gemm-kernels-<16 hex digits of a hash of key>.json".
    static std::string fileName(std::string_view key);
    // $LOUPE_CACHE_DIR, else $XDG_CACHE_HOME/loupe, else $HOME/.cache/loupe; empty when none is set.
    static std::string defaultDirectory();

    // The choices in `text`, or InvalidInput saying what is wrong ("source: choices[3].kernel: ...")
    // when anything in it is, including a machine key other than expectedKey.
    static Result<GemmChoices> parse(std::string_view text, std::string_view source, std::string_view expectedKey);
    static std::string serialize(const GemmChoices &choices, std::string_view key);

    // Largest size, thread count and file the reader accepts (far above any real entry).
    static constexpr Index s_maxDimension = Index(1) << 24;
    static constexpr int s_maxThreads = 4096;
    static constexpr std::size_t s_maxBytes = std::size_t(1) << 20;
};

} // namespace loupe
