/* strmap.c: open addressing with linear probing, kept under half full. */
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"

/* The slot holding name, or the empty one where it would go. */
static size_t
strmap_slot(const struct strmap *m, const char *name, uint64_t h)
{
	size_t		mask = m->nslots - 1, i;
	uint32_t	tag = (uint32_t)(h >> 32);

	for (i = (size_t)h & mask; m->slots[i] != 0; i = (i + 1) & mask)
		if ((uint32_t)(m->slots[i] >> 32) == tag &&
		    strcmp(m->names[(uint32_t)m->slots[i] - 1], name) == 0)
			break;
	return i;
}

void
strmap_reserve(struct strmap *m, size_t n)
{
	size_t	nslots = m->nslots ? m->nslots : 64, i;

	while (n * 2 > nslots)
		nslots *= 2;
	if (nslots == m->nslots)
		return;
	free(m->slots);
	m->names = xreallocarray(m->names, nslots / 2, sizeof *m->names);
	m->nslots = nslots;
	m->slots = xcalloc(nslots, sizeof *m->slots);
	for (i = 0; i < m->n; i++) {
		uint64_t	h = hash_bytes(m->names[i], strlen(m->names[i]));

		m->slots[strmap_slot(m, m->names[i], h)] =
		    (h >> 32) << 32 | (uint64_t)(i + 1);
	}
}

long
strmap_find(const struct strmap *m, const char *name)
{
	size_t	i;

	if (m->nslots == 0)
		return -1;
	i = strmap_slot(m, name, hash_bytes(name, strlen(name)));
	return m->slots[i] == 0 ? -1 : (long)((uint32_t)m->slots[i] - 1);
}

size_t
strmap_intern(struct strmap *m, const char *name, int *added)
{
	uint64_t	h = hash_bytes(name, strlen(name));
	size_t		i;

	strmap_reserve(m, m->n + 1);
	i = strmap_slot(m, name, h);
	*added = m->slots[i] == 0;
	if (!*added)
		return (uint32_t)m->slots[i] - 1;
	m->slots[i] = (h >> 32) << 32 | (uint64_t)(m->n + 1);
	m->names[m->n] = name;
	return m->n++;
}

size_t
strmap_add(struct strmap *m, const char *name)
{
	int	added;

	return strmap_intern(m, name, &added);
}

void
strmap_free(struct strmap *m)
{
	free(m->slots);
	free(m->names);
	memset(m, 0, sizeof *m);
}
