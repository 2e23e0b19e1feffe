#include "core/nn/GemmKernel.h"

#ifdef LOUPE_HAVE_BLAS
#include <cblas.h>
#endif
#include <omp.h>

#include <cassert>
#include <climits>
#include <mutex>
#include <utility>

namespace loupe {

namespace {

constexpr std::array<std::pair<GemmProduct, std::string_view>, 3> s_gemmProductNames{{
    {GemmProduct::Forward, "forward"},
    {GemmProduct::WeightGradient, "weight-gradient"},
    {GemmProduct::InputGradient, "input-gradient"},
}};

constexpr std::array<std::pair<GemmKernel, std::string_view>, 3> s_gemmKernelNames{{
    {GemmKernel::EigenSplit, "eigen-split"},
    {GemmKernel::EigenWhole, "eigen-whole"},
    {GemmKernel::OpenBlasSplit, "openblas-split"},
}};

void eigenGemmRows(GemmProduct product, GemmOperands op, WorkSplit::Range rows)
{
    auto c = op.c.middleRows(rows.begin, rows.size());
    switch (product) {
    case GemmProduct::Forward:
        c.noalias() = op.a.middleRows(rows.begin, rows.size()) * op.b;
        break;
    case GemmProduct::WeightGradient:
        c.noalias() = op.a.middleCols(rows.begin, rows.size()).transpose() * op.b;
        break;
    case GemmProduct::InputGradient:
        c.noalias() = op.a.middleRows(rows.begin, rows.size()) * op.b.transpose();
        break;
    }
}

#ifdef LOUPE_HAVE_BLAS
// OpenBLAS' own thread pool stays idle: Loupe's OpenMP threads call it one piece each.
void useOpenBlasSerially()
{
    static std::once_flag once;
    std::call_once(once, [] { openblas_set_num_threads(1); });
}

void openBlasGemmRows(GemmProduct product, GemmOperands op, WorkSplit::Range rows)
{
    const auto m = static_cast<blasint>(rows.size());
    const auto n = static_cast<blasint>(op.c.cols());
    const auto lda = static_cast<blasint>(op.a.cols());
    const auto ldb = static_cast<blasint>(op.b.cols());
    float *c = op.c.data() + rows.begin * op.c.cols();
    switch (product) {
    case GemmProduct::Forward:
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, static_cast<blasint>(op.a.cols()), 1.0f,
                    op.a.data() + rows.begin * op.a.cols(), lda, op.b.data(), ldb, 0.0f, c, n);
        break;
    case GemmProduct::WeightGradient:
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, n, static_cast<blasint>(op.a.rows()), 1.0f,
                    op.a.data() + rows.begin, lda, op.b.data(), ldb, 0.0f, c, n);
        break;
    case GemmProduct::InputGradient:
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, static_cast<blasint>(op.a.cols()), 1.0f,
                    op.a.data() + rows.begin * op.a.cols(), lda, op.b.data(), ldb, 0.0f, c, n);
        break;
    }
}

// cblas takes int sizes: larger operands go to Eigen.
bool fitsBlasInt(const GemmOperands &op)
{
    for (Index size : {op.a.rows(), op.a.cols(), op.b.rows(), op.b.cols(), op.c.rows(), op.c.cols()}) {
        if (size > INT_MAX)
            return false;
    }
    return true;
}
#endif

} // namespace

std::string_view gemmProductName(GemmProduct product)
{
    for (const auto &[value, name] : s_gemmProductNames) {
        if (value == product)
            return name;
    }
    return "forward";
}

std::optional<GemmProduct> gemmProductFromName(std::string_view name)
{
    for (const auto &[value, known] : s_gemmProductNames) {
        if (known == name)
            return value;
    }
    return std::nullopt;
}

std::string_view gemmKernelName(GemmKernel kernel)
{
    for (const auto &[value, name] : s_gemmKernelNames) {
        if (value == kernel)
            return name;
    }
    return "eigen-split";
}

std::optional<GemmKernel> gemmKernelFromName(std::string_view name)
{
    for (const auto &[value, known] : s_gemmKernelNames) {
        if (known == name)
            return value;
    }
    return std::nullopt;
}

bool gemmKernelAvailable(GemmKernel kernel)
{
#ifdef LOUPE_HAVE_BLAS
    (void)kernel;
    return true;
#else
    return kernel != GemmKernel::OpenBlasSplit;
#endif
}

std::array<Index, 3> GemmRunner::dimensions(GemmProduct product, GemmOperands operands)
{
    const Index k = product == GemmProduct::WeightGradient ? operands.a.rows() : operands.a.cols();
    return {operands.c.rows(), operands.c.cols(), k};
}

void GemmRunner::piece(GemmKernel kernel, GemmProduct product, GemmOperands operands, WorkSplit::Range rows)
{
    assert(gemmKernelIsSplit(kernel) && gemmKernelAvailable(kernel));
    if (rows.size() <= 0)
        return;
#ifdef LOUPE_HAVE_BLAS
    if (kernel == GemmKernel::OpenBlasSplit && fitsBlasInt(operands)) {
        useOpenBlasSerially();
        openBlasGemmRows(product, operands, rows);
        return;
    }
#else
    (void)kernel;
#endif
    eigenGemmRows(product, operands, rows);
}

void GemmRunner::run(GemmKernel kernel, GemmProduct product, GemmOperands operands, int threads)
{
    assert(gemmKernelAvailable(kernel));
    const Index rows = operands.c.rows();
    if (!gemmKernelIsSplit(kernel)) {
        // Eigen shares the product over omp_get_max_threads() threads itself.
        eigenGemmRows(product, operands, {0, rows});
        return;
    }
#ifdef LOUPE_HAVE_BLAS
    if (kernel == GemmKernel::OpenBlasSplit)
        useOpenBlasSerially(); // before the threads start: call_once is cheap, but not free
#endif
#pragma omp parallel num_threads(threads) if (threads > 1)
    piece(kernel, product, operands, WorkSplit::piece(rows, omp_get_num_threads(), omp_get_thread_num()));
}

} // namespace loupe
