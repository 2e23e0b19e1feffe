#pragma once
// The engine's numeric types: float32, row-major, one sample per row.
// Views (Eigen::Map) let layers work on the first n rows of a preallocated buffer, so the last,
// shorter batch of an epoch needs no allocation.

#include <Eigen/Core>

namespace loupe {

using Index = Eigen::Index;
using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixView = Eigen::Map<Matrix>;
using ConstMatrixView = Eigen::Map<const Matrix>;

// A view of all of m.
inline MatrixView viewOf(Matrix &m) { return MatrixView(m.data(), m.rows(), m.cols()); }
inline ConstMatrixView viewOf(const Matrix &m) { return ConstMatrixView(m.data(), m.rows(), m.cols()); }

// A view of the first `rows` rows of m. requires: rows <= m.rows().
inline MatrixView topRows(Matrix &m, Index rows) { return MatrixView(m.data(), rows, m.cols()); }
inline ConstMatrixView topRows(const Matrix &m, Index rows) { return ConstMatrixView(m.data(), rows, m.cols()); }

// Read-only views of the same memory (what the const-input APIs take).
inline ConstMatrixView constView(const MatrixView &m) { return ConstMatrixView(m.data(), m.rows(), m.cols()); }
inline ConstMatrixView constView(const Matrix &m) { return ConstMatrixView(m.data(), m.rows(), m.cols()); }

} // namespace loupe
