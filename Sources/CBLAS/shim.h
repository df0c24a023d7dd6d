// The only C header the project reads: OpenBLAS's CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>
