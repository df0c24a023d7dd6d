#ifndef STANCE_PREFETCH_H
#define STANCE_PREFETCH_H

/* Swift has no prefetch instruction of its own. Sparse learners update weights at random
   addresses, one cache miss each; asking for the next example's weights while the current
   one is being computed overlaps those misses. Inlined into the Swift caller. */
static inline void stance_prefetch_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/* For reads (scoring): the weights of a feature a few non-zeros ahead. */
static inline void stance_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
