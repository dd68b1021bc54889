/* csc_out.c - see csc_out.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_out.h"

int csc_out_open(csc_out *o, const char *path)
{
	memset(o, 0, sizeof *o);
	size_t n = strlen(path) + 32;
	o->tmp = csc_xmalloc(n);
	snprintf(o->tmp, n, "%s.tmp.%ld", path, (long)getpid());
	/* O_NOFOLLOW: a link planted at the temporary name is refused, never
	 * written through (README, "The output folder") */
	int fd = open(o->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
	o->fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!o->fp) {
		int err = errno;
		if (fd >= 0)
			close(fd);
		if (err == ELOOP)
			csc_error_at(o->tmp, 0, "is a symbolic link; cscpipe never writes through a link");
		else
			csc_error_at(path, 0, "cannot create output: %s", strerror(err));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	/* stdio's own buffer is a page: a syscall per 4 KiB was a tenth of an
	 * extract and of the transform writing its drill-down (BENCHMARKS.md) */
	o->buf = csc_xmalloc(CSC_OUT_BUFSZ);
	setvbuf(o->fp, o->buf, _IOFBF, CSC_OUT_BUFSZ);
	o->path = csc_xstrdup(path);
	return 0;
}

int csc_out_commit(csc_out *o)
{
	int err = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		err = errno ? errno : EIO;
	if (!err && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
		err = errno;
	if (fclose(o->fp) != 0 && !err)
		err = errno ? errno : EIO;
	o->fp = NULL;
	if (!err && rename(o->tmp, o->path) != 0)
		err = errno;
	if (err) {
		csc_error_at(o->path, 0, "cannot write output: %s", strerror(err));
		unlink(o->tmp);
	}
	free(o->tmp);
	free(o->path);
	free(o->buf);
	o->tmp = o->path = o->buf = NULL;
	return err ? -1 : 0;
}

void csc_out_abort(csc_out *o)
{
	if (o->fp)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	free(o->buf);
	memset(o, 0, sizeof *o);
}

int csc_mkdirs(const char *path)
{
	char *p = csc_xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int rc = mkdir(p, 0777);
	free(p);
	if (rc != 0 && errno != EEXIST)
		return -1;
	return 0;
}

char *csc_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = csc_xmalloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}
