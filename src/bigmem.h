/* bigmem.h: large arrays in mappings of their own, on huge pages if any. */
#ifndef RAFFLE_BIGMEM_H
#define RAFFLE_BIGMEM_H

#include <stddef.h>

/*
 * Resize the mapping at p from old to new bytes (p NULL: a new mapping;
 * new 0: unmap). The contents up to the smaller size are kept; the address
 * may change. Never returns NULL.
 */
void	*bigmem_resize(void *, size_t, size_t);

#endif
