/*
 * bigmem.c: the roster's large arrays, mapped in 2 MiB steps.
 *
 * A million-row import writes some 80 MB of entries and strings. In 4 KiB
 * pages that is twenty thousand page faults, which on a virtual machine cost
 * more than the parse itself; in 2 MiB transparent huge pages it is forty.
 * Growing by mremap(2) also moves page tables, never bytes. Where the kernel
 * has no huge pages the advice is ignored and this is plain mmap(2). Arrays
 * smaller than one huge page live in malloc's heap: a small roster should
 * not fault in 2 MiB to hold forty names.
 */
#define _GNU_SOURCE		/* mremap(2) is Linux's */ /* NOLINT(cert-dcl37-c,cert-dcl51-cpp) */
#include <sys/mman.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "util.h"

#define STEP	((size_t)2 << 20)

static size_t
round_up(size_t n)
{
	if (n > SIZE_MAX - STEP)
		return 0;
	return (n + STEP - 1) / STEP * STEP;
}

void *
bigmem_resize(void *p, size_t old, size_t new)
{
	size_t	oldmap = round_up(old), newmap = round_up(new);
	void	*q;

	if (new == 0) {
		if (p != NULL && old >= STEP)
			munmap(p, oldmap);
		else
			free(p);
		return NULL;
	}
	/* Below one huge page, malloc is the better allocator. */
	if (new < STEP) {
		if (old >= STEP) {
			q = xmalloc(new);
			memcpy(q, p, new);
			munmap(p, oldmap);
		} else {
			q = xrealloc(p, new);
			/* Zero what is new, as a fresh mapping would be. */
			if (new > old)
				memset((char *)q + old, 0, new - old);
		}
		return q;
	}
	if (newmap == 0) {
		fputs("raffle: out of memory\n", stderr);
		exit(EXIT_IOERR);
	}
	if (p != NULL && old >= STEP && newmap == oldmap)
		return p;
	if (p == NULL || old < STEP) {
		q = mmap(NULL, newmap, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (q != MAP_FAILED && p != NULL) {
			memcpy(q, p, old);
			free(p);
		}
	} else {
#ifdef MREMAP_MAYMOVE
		q = mremap(p, oldmap, newmap, MREMAP_MAYMOVE);
#else
		q = mmap(NULL, newmap, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (q != MAP_FAILED) {
			memcpy(q, p, oldmap < newmap ? oldmap : newmap);
			munmap(p, oldmap);
		}
#endif
	}
	if (q == MAP_FAILED) {
		fputs("raffle: out of memory\n", stderr);
		exit(EXIT_IOERR);
	}
	madvise(q, newmap, MADV_HUGEPAGE);
	return q;
}
