/* fileio.h — reading input files: a whole file under a size cap (regular files only, so a
 * FIFO or a device never blocks or floods a load), and the files of a directory with a
 * given suffix, in name order. Task sets and batteries both read through it. */
#ifndef ARC_FILEIO_H
#define ARC_FILEIO_H

#include <stddef.h>

#include "arcbatt.h"

/* Reads path into *text (malloc'd, NUL-terminated, *len bytes without the NUL). A file over
 * max bytes, a directory or anything but a regular file is ARC_E_INPUT; a file that cannot be
 * opened or read ARC_E_IO; err says which, with the file's name. */
arc_status file_read(const char *path, size_t max, char **text, size_t *len, arc_error *err);

/* The entries of directory dir whose names end with suffix (hidden ones aside) as paths
 * "dir/name", sorted by name (bytewise): *paths (malloc'd, each malloc'd; free with
 * file_list_free), *n of them. ARC_E_IO with err when dir cannot be read, ARC_E_NOMEM. */
arc_status file_list_dir(const char *dir, const char *suffix, char ***paths, size_t *n,
                         arc_error *err);
void file_list_free(char **paths, size_t n);

#endif
