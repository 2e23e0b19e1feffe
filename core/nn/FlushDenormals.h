#pragma once
// Scoped flush-to-zero / denormals-are-zero on the calling thread and on OpenMP's worker threads
// (the ones Eigen's GEMM and the element-wise passes run on), restored on destruction.
//
// Training produces denormal floats (RMSprop's mean squares of rarely-active inputs decay
// towards zero by rho every step; tiny gradients square into them), and every operation on a
// denormal costs a microcode assist, tens of times an ordinary one. Flushing them to zero is what
// TensorFlow's and PyTorch's CPU kernels do too; it changes results only below 1.2e-38.
// Not copyable; create and destroy on the same thread.

#include <omp.h>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace loupe {

class FlushDenormals {
public:
    FlushDenormals()
    {
#if defined(__SSE__)
        m_saved = _mm_getcsr();
        setAll(m_saved | s_flags);
#endif
    }
    ~FlushDenormals()
    {
#if defined(__SSE__)
        setAll(m_saved);
#endif
    }
    FlushDenormals(const FlushDenormals &) = delete;
    FlushDenormals &operator=(const FlushDenormals &) = delete;

private:
#if defined(__SSE__)
    static constexpr unsigned s_flags = 0x8040; // FTZ (bit 15) | DAZ (bit 6)
    static void setAll(unsigned csr)
    {
        _mm_setcsr(csr);
#pragma omp parallel num_threads(omp_get_max_threads())
        _mm_setcsr(csr);
    }
    unsigned m_saved = 0;
#endif
};

} // namespace loupe
