// Every GEMM kernel gives the reference product (double accumulation) within float tolerance, for
// every product and shape the engine runs: the chapter model's layers at a full batch (128), its
// last batch (60000 % 128 = 96) and a prediction chunk, plus odd and degenerate shapes; run whole
// and as one thread's piece; and whatever GemmKernelTable picks for the shape.
#include "core/nn/GemmKernelTable.h"

#include <QtTest>

#include <omp.h>

#include <cmath>
#include <cstdint>

using namespace loupe;

Q_DECLARE_METATYPE(loupe::GemmProduct)
Q_DECLARE_METATYPE(loupe::GemmKernel)

namespace {

Matrix filledMatrix(Index rows, Index cols, std::uint32_t seed)
{
    Matrix m(rows, cols);
    std::uint32_t state = seed;
    for (Index i = 0; i < m.size(); ++i) {
        state = state * 1664525u + 1013904223u;
        m.data()[i] = static_cast<float>(state >> 8) * (2.0f / 16777216.0f) - 1.0f;
    }
    return m;
}

struct Operands {
    Matrix a;
    Matrix b;
};

Operands operandsFor(GemmProduct product, Index m, Index n, Index k)
{
    switch (product) {
    case GemmProduct::Forward: return {filledMatrix(m, k, 11), filledMatrix(k, n, 12)};
    case GemmProduct::WeightGradient: return {filledMatrix(k, m, 13), filledMatrix(k, n, 14)};
    case GemmProduct::InputGradient: return {filledMatrix(m, k, 15), filledMatrix(n, k, 16)};
    }
    return {};
}

// Entry (i, j) of op(A) op(B) in double, and the sum of |terms| (the scale of its rounding error).
std::pair<double, double> referenceEntry(GemmProduct product, const Operands &op, Index i, Index j, Index k)
{
    double sum = 0.0, magnitude = 0.0;
    for (Index p = 0; p < k; ++p) {
        double x = 0.0, y = 0.0;
        switch (product) {
        case GemmProduct::Forward: x = op.a(i, p); y = op.b(p, j); break;
        case GemmProduct::WeightGradient: x = op.a(p, i); y = op.b(p, j); break;
        case GemmProduct::InputGradient: x = op.a(i, p); y = op.b(j, p); break;
        }
        sum += x * y;
        magnitude += std::abs(x * y);
    }
    return {sum, magnitude};
}

// "" when c equals the reference within float tolerance, else the first entry that does not.
QString compareWithReference(GemmProduct product, const Operands &op, const Matrix &c, Index k)
{
    const double epsilon = std::numeric_limits<float>::epsilon();
    for (Index i = 0; i < c.rows(); ++i) {
        for (Index j = 0; j < c.cols(); ++j) {
            const auto [expected, magnitude] = referenceEntry(product, op, i, j, k);
            // Worst-case float summation error grows with k; 2 k eps |terms| bounds every order.
            const double tolerance = 2.0 * double(k) * epsilon * magnitude + 1e-30;
            if (!(std::abs(c(i, j) - expected) <= tolerance))
                return QStringLiteral("c(%1, %2) = %3, reference %4, tolerance %5")
                    .arg(i).arg(j).arg(double(c(i, j)), 0, 'g', 9).arg(expected, 0, 'g', 9).arg(tolerance);
        }
    }
    return {};
}

void addShapeRows(GemmKernel kernel)
{
    const QString name = QString::fromUtf8(gemmKernelName(kernel).data(), int(gemmKernelName(kernel).size()));
    // The chapter model (784-512-512-10): forward m=batch n=units k=in; weight gradient m=in
    // n=units k=batch; input gradient m=batch n=in k=units (not for the first layer).
    struct Row { const char *label; GemmProduct product; Index m, n, k; };
    const Row rows[] = {
        {"fwd-128x512x784", GemmProduct::Forward, 128, 512, 784},
        {"fwd-128x512x512", GemmProduct::Forward, 128, 512, 512},
        {"fwd-128x10x512", GemmProduct::Forward, 128, 10, 512},
        {"fwd-96x512x784", GemmProduct::Forward, 96, 512, 784},
        {"fwd-1024x10x512", GemmProduct::Forward, 1024, 10, 512},
        {"dw-784x512x128", GemmProduct::WeightGradient, 784, 512, 128},
        {"dw-512x512x128", GemmProduct::WeightGradient, 512, 512, 128},
        {"dw-512x10x128", GemmProduct::WeightGradient, 512, 10, 128},
        {"dw-512x512x96", GemmProduct::WeightGradient, 512, 512, 96},
        {"dx-128x512x512", GemmProduct::InputGradient, 128, 512, 512},
        {"dx-128x512x10", GemmProduct::InputGradient, 128, 512, 10},
        {"dx-96x512x10", GemmProduct::InputGradient, 96, 512, 10},
        {"fwd-1x1x1", GemmProduct::Forward, 1, 1, 1},
        {"fwd-3x5x7", GemmProduct::Forward, 3, 5, 7},
        {"dw-33x17x65", GemmProduct::WeightGradient, 33, 17, 65},
        {"dx-65x33x17", GemmProduct::InputGradient, 65, 33, 17},
        {"dw-1x9x2", GemmProduct::WeightGradient, 1, 9, 2},
    };
    for (const Row &row : rows) {
        for (int threads : {1, 2, 3}) {
            QTest::newRow(qPrintable(QStringLiteral("%1-%2-t%3").arg(name, row.label).arg(threads)))
                << kernel << row.product << qint64(row.m) << qint64(row.n) << qint64(row.k) << threads;
        }
    }
}

void addColumns()
{
    QTest::addColumn<GemmKernel>("kernel");
    QTest::addColumn<GemmProduct>("product");
    QTest::addColumn<qint64>("m");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("k");
    QTest::addColumn<int>("threads");
}

} // namespace

class TestGemmKernel : public QObject {
    Q_OBJECT

private slots:
    void everyKernelMatchesReference_data();
    void everyKernelMatchesReference();
    void piecesMatchReference_data();
    void piecesMatchReference();
    void chosenKernelMatchesReference_data();
    void chosenKernelMatchesReference();
    void namesRoundTrip();
};

void TestGemmKernel::everyKernelMatchesReference_data()
{
    addColumns();
    for (GemmKernel kernel : kGemmKernels) {
        if (gemmKernelAvailable(kernel))
            addShapeRows(kernel);
    }
}

void TestGemmKernel::everyKernelMatchesReference()
{
    QFETCH(GemmKernel, kernel);
    QFETCH(GemmProduct, product);
    QFETCH(qint64, m);
    QFETCH(qint64, n);
    QFETCH(qint64, k);
    QFETCH(int, threads);
    const Operands op = operandsFor(product, m, n, k);
    Matrix c = Matrix::Constant(m, n, std::numeric_limits<float>::quiet_NaN()); // every entry must be written
    GemmRunner::run(kernel, product, {constView(op.a), constView(op.b), viewOf(c)}, threads);
    const QString problem = compareWithReference(product, op, c, k);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(GemmRunner::dimensions(product, {constView(op.a), constView(op.b), viewOf(c)}),
             (std::array<Index, 3>{m, n, k}));
}

void TestGemmKernel::piecesMatchReference_data()
{
    addColumns();
    for (GemmKernel kernel : kGemmKernels) {
        if (gemmKernelAvailable(kernel) && gemmKernelIsSplit(kernel))
            addShapeRows(kernel);
    }
}

void TestGemmKernel::piecesMatchReference()
{
    // As Dense calls them: every thread of its own parallel region computes its piece.
    QFETCH(GemmKernel, kernel);
    QFETCH(GemmProduct, product);
    QFETCH(qint64, m);
    QFETCH(qint64, n);
    QFETCH(qint64, k);
    QFETCH(int, threads);
    const Operands op = operandsFor(product, m, n, k);
    Matrix c = Matrix::Constant(m, n, std::numeric_limits<float>::quiet_NaN());
    const GemmOperands operands{constView(op.a), constView(op.b), viewOf(c)};
#pragma omp parallel num_threads(threads)
    GemmRunner::piece(kernel, product, operands, WorkSplit::piece(m, omp_get_num_threads(), omp_get_thread_num()));
    const QString problem = compareWithReference(product, op, c, k);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestGemmKernel::chosenKernelMatchesReference_data()
{
    addColumns();
    addShapeRows(GemmKernel::EigenSplit); // the kernel column is unused: the table picks
}

void TestGemmKernel::chosenKernelMatchesReference()
{
    QFETCH(GemmProduct, product);
    QFETCH(qint64, m);
    QFETCH(qint64, n);
    QFETCH(qint64, k);
    QFETCH(int, threads);
    GemmKernelTable::Options options; // in memory, short rounds: the choice, not its quality, is tested
    options.rounds = 2;
    options.secondsPerRound = 0.0005;
    GemmKernelTable table(options);
    const GemmKernel kernel = table.kernelFor({product, m, n, k, threads});
    QVERIFY(gemmKernelAvailable(kernel));
    QCOMPARE(table.kernelFor({product, m, n, k, threads}), kernel); // remembered
    const Operands op = operandsFor(product, m, n, k);
    Matrix c(m, n);
    GemmRunner::run(kernel, product, {constView(op.a), constView(op.b), viewOf(c)}, threads);
    const QString problem = compareWithReference(product, op, c, k);
    QVERIFY2(problem.isEmpty(), qPrintable(QString::fromUtf8(gemmKernelName(kernel).data()) + ": " + problem));
}

void TestGemmKernel::namesRoundTrip()
{
    for (GemmKernel kernel : kGemmKernels)
        QCOMPARE(gemmKernelFromName(gemmKernelName(kernel)), std::optional<GemmKernel>(kernel));
    for (GemmProduct product : kGemmProducts)
        QCOMPARE(gemmProductFromName(gemmProductName(product)), std::optional<GemmProduct>(product));
    QCOMPARE(gemmKernelFromName("openblas"), std::nullopt);
    QCOMPARE(gemmProductFromName(""), std::nullopt);
}

QTEST_APPLESS_MAIN(TestGemmKernel)
#include "tst_gemmkernel.moc"
