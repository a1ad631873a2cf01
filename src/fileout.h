/* fileout.h — files that are never half-written: written under a temporary name beside the
 * target, flushed to disk, then renamed over it. */
#ifndef ARC_FILEOUT_H
#define ARC_FILEOUT_H

#include <stdio.h>

#include "arcbatt.h"

typedef struct fileout {
	FILE *f;
	char path[4096], tmp[4096 + 32];
} fileout;

/* Opens the temporary file for path. ARC_E_IO with err filled when it cannot. */
arc_status fileout_open(fileout *fo, const char *path, arc_error *err);
/* Flushes, syncs and renames; on any error (also an earlier write error on fo->f) removes the
 * temporary file and reports ARC_E_IO. */
arc_status fileout_commit(fileout *fo, arc_error *err);
/* Gives up: closes and removes the temporary file. */
void fileout_abort(fileout *fo);

#endif
