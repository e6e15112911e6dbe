/* sumtree.c: the tree behind weighted draws. */
#include <stdlib.h>

#include "sumtree.h"
#include "util.h"

void
sumtree_init(struct sumtree *t, const uint32_t *w, size_t n)
{
	size_t	i;

	t->n = n;
	for (t->leaves = 1; t->leaves < n; t->leaves *= 2)
		;
	/* Zeroed: the leaves past n weigh nothing. */
	t->node = xcalloc(2 * t->leaves, sizeof *t->node);
	for (i = 0; i < n; i++)
		t->node[t->leaves + i] = w[i];
	for (i = t->leaves - 1; i >= 1; i--)
		t->node[i] = t->node[2 * i] + t->node[2 * i + 1];
	t->total = t->node[1];
}

void
sumtree_free(struct sumtree *t)
{
	free(t->node);
	t->node = NULL;
	t->n = 0;
	t->total = 0;
}

void
sumtree_add(struct sumtree *t, size_t i, int64_t delta)
{
	size_t	j;

	for (j = t->leaves + i; j >= 1; j /= 2)
		t->node[j] += (uint64_t)delta;
	t->total = t->node[1];
}

size_t
sumtree_find(const struct sumtree *t, uint64_t ticket)
{
	size_t	i = 1;

	while (i < t->leaves) {
		if (ticket < t->node[2 * i])
			i = 2 * i;
		else {
			ticket -= t->node[2 * i];
			i = 2 * i + 1;
		}
	}
	return i - t->leaves;
}
