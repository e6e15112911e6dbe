/* strmap.c: open addressing, kept under half full. */
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
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
strmap_add(struct strmap *m, const char *name)
{
	size_t	i;

	if ((m->n + 1) * 2 > m->nslots) {
		size_t	n = m->nslots ? m->nslots * 2 : 64;

		bigmem_resize(m->slots, m->nslots * sizeof *m->slots, 0);
		m->names = bigmem_resize(m->names, m->nslots / 2 *
		    sizeof *m->names, n / 2 * sizeof *m->names);
		m->nslots = n;
		m->slots = bigmem_resize(NULL, 0, n * sizeof *m->slots);
		for (i = 0; i < m->n; i++) {
			uint64_t	h = hash_bytes(m->names[i], strlen(m->names[i]));

			m->slots[strmap_slot(m, m->names[i], h)] =
			    (h >> 32) << 32 | (uint64_t)(i + 1);
		}
	}
	{
		uint64_t	h = hash_bytes(name, strlen(name));

		m->slots[strmap_slot(m, name, h)] = (h >> 32) << 32 |
		    (uint64_t)(m->n + 1);
	}
	m->names[m->n] = name;
	return m->n++;
}

void
strmap_free(struct strmap *m)
{
	bigmem_resize(m->slots, m->nslots * sizeof *m->slots, 0);
	bigmem_resize(m->names, m->nslots / 2 * sizeof *m->names, 0);
	memset(m, 0, sizeof *m);
}
