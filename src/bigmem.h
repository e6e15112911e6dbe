/* bigmem.h: large arrays in mappings of their own, on huge pages if any. */
#ifndef RAFFLE_BIGMEM_H
#define RAFFLE_BIGMEM_H

#include <stddef.h>

/*
 * Resize the array at p from old to new bytes (p NULL: a new one; new 0:
 * free it). The contents up to the smaller size are kept; the address may
 * change; the bytes past the old size are zero. old must be the size it was
 * last given. Never returns NULL for a size above 0.
 */
void	*bigmem_resize(void *, size_t, size_t);

#endif
