/* Everything is in include/allocator.h (inline); SwiftPM wants a source file per C target. */
#include "allocator.h"
