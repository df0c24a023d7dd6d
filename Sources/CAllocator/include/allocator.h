#ifndef STANCE_ALLOCATOR_H
#define STANCE_ALLOCATOR_H

/* Swift's Glibc module leaves out <malloc.h>. After freeing many blocks of a megabyte or so
   (the pieces of a feature matrix once stacked), glibc keeps them in its heaps for reuse;
   malloc_trim hands the whole free pages back to the system. A C library without it gets a
   no-op. */
#if defined(__has_include)
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif

static inline void stance_return_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

#endif
