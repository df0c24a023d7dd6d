#ifndef STANCE_ALLOCATOR_H
#define STANCE_ALLOCATOR_H

/* Swift's Glibc module leaves out <malloc.h>. The CLI tunes one allocator setting at start-up
   (see Stance.returnFreedMemory); a C library without mallopt gets a no-op. */
#if defined(__has_include)
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif

static inline void stance_map_blocks_from(int bytes) {
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
#endif
}

#endif
