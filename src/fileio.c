/* fileio.c — whole-file reads under a size cap and sorted directory listings (fileio.h). */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

arc_status file_read(const char *path, size_t max, char **text, size_t *len, arc_error *err)
{
	*text = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO with no writer must not hang the load */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return arc_error_set(err, ARC_E_IO, path, "", 0, 0, "cannot open: %s", strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		int e = errno;
		close(fd);
		return arc_error_set(err, ARC_E_IO, path, "", 0, 0, "cannot read: %s", strerror(e));
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return arc_error_set(err, ARC_E_INPUT, path, "", 0, 0, "%s, expected a regular file",
		                     S_ISDIR(sb.st_mode) ? "a directory" : "a FIFO, socket or device");
	}
	if ((uintmax_t)sb.st_size > max) {
		close(fd);
		return arc_error_set(err, ARC_E_INPUT, path, "", 0, 0,
		                     "%jd bytes, larger than the limit of %zu bytes",
		                     (intmax_t)sb.st_size, max);
	}
	/* the size is a hint (the file may grow while read): the cap holds on what is read */
	size_t cap = (size_t)sb.st_size + 1, n = 0;
	char *buf = malloc(cap + 1);
	arc_status st = buf ? ARC_OK : ARC_E_NOMEM;
	while (st == ARC_OK) {
		if (n == cap) {
			if (cap > max) {
				st = arc_error_set(err, ARC_E_INPUT, path, "", 0, 0,
				                   "larger than the limit of %zu bytes", max);
				break;
			}
			char *bigger = realloc(buf, cap * 2 + 1);
			if (!bigger) {
				st = ARC_E_NOMEM;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			st = arc_error_set(err, ARC_E_IO, path, "", 0, 0, "read error: %s", strerror(errno));
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (st == ARC_E_NOMEM)
		arc_error_set(err, ARC_E_NOMEM, path, "", 0, 0, "out of memory reading the file");
	if (st != ARC_OK) {
		free(buf);
		return st;
	}
	buf[n] = 0;
	*text = buf;
	*len = n;
	return ARC_OK;
}

static int cmp_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void file_list_free(char **paths, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(paths[k]);
	free(paths);
}

arc_status file_list_dir(const char *dir, const char *suffix, char ***paths, size_t *n,
                         arc_error *err)
{
	*paths = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return arc_error_set(err, ARC_E_IO, dir, "", 0, 0, "cannot read the directory: %s",
		                     strerror(errno));
	size_t cap = 0, m = strlen(suffix), dlen = strlen(dir);
	bool slash = dlen && dir[dlen - 1] == '/';
	char **v = NULL;
	arc_status st = ARC_OK;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < m || strcmp(e->d_name + len - m, suffix))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			char **nv = realloc(v, cap * sizeof *nv);
			if (!nv) {
				st = ARC_E_NOMEM;
				break;
			}
			v = nv;
		}
		if (!(v[*n] = malloc(dlen + len + 2))) {
			st = ARC_E_NOMEM;
			break;
		}
		snprintf(v[*n], dlen + len + 2, "%s%s%s", dir, slash ? "" : "/", e->d_name);
		(*n)++;
	}
	closedir(d);
	if (st != ARC_OK) {
		file_list_free(v, *n);
		*n = 0;
		return arc_error_set(err, ARC_E_NOMEM, dir, "", 0, 0, "out of memory listing the directory");
	}
	/* one directory: sorting the paths sorts the names */
	if (*n)
		qsort(v, *n, sizeof *v, cmp_paths);
	*paths = v;
	return ARC_OK;
}
