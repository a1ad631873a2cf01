/* fileout.c — temporary file, fsync, rename (see fileout.h). */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "fileout.h"

arc_status fileout_open(fileout *fo, const char *path, arc_error *err)
{
	if (strlen(path) >= sizeof fo->path)
		return arc_error_set(err, ARC_E_IO, path, NULL, 0, 0, "path too long");
	strcpy(fo->path, path);
	snprintf(fo->tmp, sizeof fo->tmp, "%s.tmp.%ld", path, (long)getpid());
	fo->f = fopen(fo->tmp, "w");
	if (!fo->f)
		return arc_error_set(err, ARC_E_IO, fo->tmp, NULL, 0, 0, "cannot create: %s",
		                     strerror(errno));
	return ARC_OK;
}

arc_status fileout_commit(fileout *fo, arc_error *err)
{
	bool ok = !ferror(fo->f) && fflush(fo->f) == 0 && fsync(fileno(fo->f)) == 0;
	int saved = errno;
	ok = fclose(fo->f) == 0 && ok;
	fo->f = NULL;
	if (ok && rename(fo->tmp, fo->path) == 0)
		return ARC_OK;
	if (ok)
		saved = errno;
	remove(fo->tmp);
	return arc_error_set(err, ARC_E_IO, fo->path, NULL, 0, 0, "cannot write: %s",
	                     strerror(saved ? saved : EIO));
}

void fileout_abort(fileout *fo)
{
	if (fo->f)
		fclose(fo->f);
	fo->f = NULL;
	remove(fo->tmp);
}
