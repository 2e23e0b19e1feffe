#pragma once
// The matrix products Dense runs, and the kernels that can run each of them. Every product writes
// C (row-major, overwritten):
//   GemmProduct::Forward         C = A B      X W:     m = batch rows, n = units, k = input features
//   GemmProduct::WeightGradient  C = A^T B    X^T dZ:  m = input features, n = units, k = batch rows
//   GemmProduct::InputGradient   C = A B^T    dZ W^T:  m = batch rows, n = input features, k = units
// Kernels (GemmKernelTable picks one per product and shape by measuring them on the machine):
//   EigenSplit     every OpenMP thread runs a single-threaded Eigen GEMM on its WorkSplit piece of
//                  C's rows, so the fused element-wise work that follows stays in its cache
//   EigenWhole     one Eigen GEMM that Eigen itself parallelizes over the OpenMP threads
//   OpenBlasSplit  as EigenSplit with OpenBLAS' cblas_sgemm on each piece. OpenBLAS' own threads are
//                  switched off (openblas_set_num_threads(1)) on first use: Loupe's OpenMP threads
//                  are the only ones, so two pools never fight over the cores.
// Every kernel computes the same product; results differ only by float rounding.

#include "core/util/Matrix.h"
#include "core/util/WorkSplit.h"

#include <array>
#include <optional>
#include <string_view>

namespace loupe {

enum class GemmProduct { Forward, WeightGradient, InputGradient };
enum class GemmKernel { EigenSplit, EigenWhole, OpenBlasSplit };

inline constexpr std::array<GemmProduct, 3> kGemmProducts{GemmProduct::Forward, GemmProduct::WeightGradient,
                                                          GemmProduct::InputGradient};
inline constexpr std::array<GemmKernel, 3> kGemmKernels{GemmKernel::EigenSplit, GemmKernel::EigenWhole,
                                                        GemmKernel::OpenBlasSplit};

// "forward", "weight-gradient", "input-gradient" / "eigen-split", "eigen-whole", "openblas-split".
std::string_view gemmProductName(GemmProduct product);
std::optional<GemmProduct> gemmProductFromName(std::string_view name);
std::string_view gemmKernelName(GemmKernel kernel);
std::optional<GemmKernel> gemmKernelFromName(std::string_view name);

// False for OpenBlasSplit when Loupe was built without a BLAS.
bool gemmKernelAvailable(GemmKernel kernel);
// Split kernels run one piece per thread inside the caller's parallel region (gemmPiece).
inline bool gemmKernelIsSplit(GemmKernel kernel) { return kernel != GemmKernel::EigenWhole; }

// One product's operands. requires (by product): Forward a: m x k, b: k x n; WeightGradient a: k x m,
// b: k x n; InputGradient a: m x k, b: n x k; c: m x n in every case, not aliasing a or b.
struct GemmOperands {
    ConstMatrixView a;
    ConstMatrixView b;
    MatrixView c;
};

class GemmRunner {
public:
    // Rows `rows` of C with a split kernel, on the calling thread (one thread's piece).
    // requires: gemmKernelIsSplit(kernel) and gemmKernelAvailable(kernel).
    static void piece(GemmKernel kernel, GemmProduct product, GemmOperands operands, WorkSplit::Range rows);
    // All of C with `threads` OpenMP threads; call it outside a parallel region.
    // requires: gemmKernelAvailable(kernel).
    static void run(GemmKernel kernel, GemmProduct product, GemmOperands operands, int threads);
    // m, n, k of a product on these operands.
    static std::array<Index, 3> dimensions(GemmProduct product, GemmOperands operands);
};

} // namespace loupe
