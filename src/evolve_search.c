/* evolve_search.c — the search step of a round of evolution (issue 12). The search engine is
 * being built on another branch; its entry point goes into evolve_search below. Until it does,
 * the step finds no program and a round is battery -> score -> mutation -> archive. */
#include <stdlib.h>

#include "evolve.h"

arc_status evolve_search(const evo_search_in *in, evo_search_out *out, arc_error *err)
{
	(void)in;
	(void)err;
	*out = (evo_search_out){0};
	return ARC_OK;
}

void evo_search_out_free(evo_search_out *out)
{
	for (size_t i = 0; i < out->n; i++)
		free(out->found[i].text);
	free(out->found);
	*out = (evo_search_out){0};
}
