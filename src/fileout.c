/* fileout.c — temporary file (created exclusively, never through a symlink), fsync, rename
 * (see fileout.h). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fileout.h"

/* The text of errno e for an output file: a full disk or quota said in words. */
static const char *write_error(int e)
{
	return e == ENOSPC ? "no space left on the device (the disk is full)" :
	       e == EDQUOT ? "disk quota exceeded" : strerror(e);
}

arc_status fileout_open(fileout *fo, const char *path, arc_error *err)
{
	if (strlen(path) >= sizeof fo->path)
		return arc_error_set(err, ARC_E_IO, path, NULL, 0, 0, "path too long");
	strcpy(fo->path, path);
	/* a fresh name beside the target, created by us alone: O_EXCL refuses any file or
	 * symlink planted under that name, so nothing is ever written through one */
	int fd = -1;
	for (unsigned k = 0; fd < 0 && k < 100; k++) {
		snprintf(fo->tmp, sizeof fo->tmp, "%s.tmp.%ld.%u", path, (long)getpid(), k);
		fd = open(fo->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0 || !(fo->f = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(fo->tmp);
		}
		return arc_error_set(err, ARC_E_IO, path, NULL, 0, 0,
		                     "cannot create the temporary file %s: %s", fo->tmp, write_error(e));
	}
	return ARC_OK;
}

arc_status fileout_commit(fileout *fo, arc_error *err)
{
	errno = 0;
	bool ok = !ferror(fo->f) && fflush(fo->f) == 0 && fsync(fileno(fo->f)) == 0;
	int saved = errno;
	if (!ok && !saved) {
		/* an earlier write failed and stdio kept only the flag: a probe byte (the file is
		 * removed anyway) fails the same way and tells why, ENOSPC for a full disk */
		clearerr(fo->f);
		errno = 0;
		if (fputc(0, fo->f) == EOF || fflush(fo->f) != 0)
			saved = errno;
	}
	if (fclose(fo->f) != 0 && ok)
		ok = false, saved = errno;
	fo->f = NULL;
	if (!ok) {
		remove(fo->tmp);
		return arc_error_set(err, ARC_E_IO, fo->path, NULL, 0, 0,
		                     "cannot write the temporary file %s: %s", fo->tmp,
		                     write_error(saved ? saved : EIO));
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
	errno = 0;
	if (!write(fo.f, ud)) {
		int e = errno;
		fclose(fo.f);
		remove(fo.tmp);
		return arc_error_set(err, ARC_E_IO, path, NULL, 0, 0, "cannot write the content%s%s",
		                     e ? ": " : "", e ? write_error(e) : "");
	}
	return fileout_commit(&fo, err);
}
