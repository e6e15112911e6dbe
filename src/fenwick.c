/* fenwick.c: the tree behind weighted draws. */
#include <stdlib.h>

#include "fenwick.h"
#include "util.h"

void
fenwick_init(struct fenwick *fw, const uint32_t *w, size_t n)
{
	size_t	i, j;

	fw->n = n;
	fw->tree = xcalloc(n + 1, sizeof *fw->tree);
	fw->total = 0;
	for (i = 1; i <= n; i++) {
		fw->tree[i] += w[i - 1];
		fw->total += w[i - 1];
		/* Push each node's sum to its parent: the O(n) build. */
		if ((j = i + (i & (0 - i))) <= n)
			fw->tree[j] += fw->tree[i];
	}
	for (fw->top = 1; fw->top * 2 <= n; fw->top *= 2)
		;
}

void
fenwick_free(struct fenwick *fw)
{
	free(fw->tree);
	fw->tree = NULL;
	fw->n = 0;
	fw->total = 0;
}

void
fenwick_add(struct fenwick *fw, size_t i, int64_t delta)
{
	fw->total += (uint64_t)delta;
	for (i++; i <= fw->n; i += i & (0 - i))
		fw->tree[i] += (uint64_t)delta;
}

size_t
fenwick_find(const struct fenwick *fw, uint64_t t)
{
	size_t	pos = 0, step;

	/* Descend: skip whole subtrees whose tickets all lie below t. */
	for (step = fw->top; step > 0; step /= 2) {
		if (pos + step <= fw->n && fw->tree[pos + step] <= t) {
			pos += step;
			t -= fw->tree[pos];
		}
	}
	return pos;		/* 0-based: the member after the skipped ones */
}
