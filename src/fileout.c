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
		return arc_error_set(err, ARC_E_IO, path, NULL, 0, 0,
		                     "cannot create the temporary file %s: %s", fo->tmp, strerror(errno));
	return ARC_OK;
}

arc_status fileout_commit(fileout *fo, arc_error *err)
{
	errno = 0;
	bool ok = !ferror(fo->f) && fflush(fo->f) == 0 && fsync(fileno(fo->f)) == 0;
	int saved = errno;
	if (fclose(fo->f) != 0 && ok)
		ok = false, saved = errno;
	fo->f = NULL;
	if (!ok) {
		remove(fo->tmp);
		return arc_error_set(err, ARC_E_IO, fo->path, NULL, 0, 0,
		                     "cannot write the temporary file %s: %s", fo->tmp,
		                     strerror(saved ? saved : EIO));
	}
	if (rename(fo->tmp, fo->path) != 0) {
		saved = errno;
		remove(fo->tmp);
		return arc_error_set(err, ARC_E_IO, fo->path, NULL, 0, 0, "cannot rename %s to it: %s",
		                     fo->tmp, strerror(saved));
	}
	return ARC_OK;
}

arc_status arc_write_file(const char *path, bool (*write)(FILE *f, void *ud), void *ud,
                          arc_error *err)
{
	fileout fo;
	arc_status st = fileout_open(&fo, path, err);
	if (st)
		return st;
	if (!write(fo.f, ud)) {
		fclose(fo.f);
		remove(fo.tmp);
		return arc_error_set(err, ARC_E_IO, path, NULL, 0, 0, "cannot write the content");
	}
	return fileout_commit(&fo, err);
}
