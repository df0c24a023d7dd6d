// The only C header the project reads: OpenBLAS's CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>

// OpenBLAS's own fork handler, exported but absent from cblas.h: stops its thread pool (which
// it restarts by itself if a later call wants more than one thread).
int blas_thread_shutdown_(void);
