/* run_outuse.c - the run lock, and the output folder as the programs that
 * read a run's staging and write beside it use it (csc-share, csc-annexa,
 * csc-returns; README, "The output folder").
 *
 * They hold the same lock as csc-run, so staging never changes while they
 * read it and two of them never write the same place at once. make returns
 * and make annexa run csc-run first and the program after it has ended; the
 * one csc-run starts itself, csc-annexa -o <period folder> (annexa = yes),
 * takes no lock, since -o never does and csc-run holds it: no lock is ever
 * taken twice. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "run.h"

int run_out_lock(int outfd, const char *out, int *rc)
{
	char *path = csc_path_join(out, ".lock");
	*rc = CSC_EXIT_OUTPUT;
	/* never through a link: it would truncate whatever the link names;
	 * O_NONBLOCK: a FIFO planted there must not hang the open */
	int fd = openat(outfd, ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd < 0 && errno == ELOOP)
			csc_error_at(path, 0, "is a symbolic link; cscpipe never follows links in its output folder (remove it)");
		else if (fd < 0)
			csc_error_at(path, 0, "cannot write the output folder (lock file): %s",
				     strerror(errno));
		else
			csc_error_at(path, 0, "is not a regular file (lock file)");
		if (fd >= 0)
			close(fd);
		free(path);
		return -1;
	}
	/* flock, not a pid file: the kernel drops it when the holder dies, so a
	 * run killed with SIGKILL never blocks the next one. */
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		char who[64] = "";
		ssize_t n = pread(fd, who, sizeof who - 1, 0);
		who[n > 0 ? n : 0] = '\0';
		who[strcspn(who, "\n")] = '\0';
		/* "<pid> <program>", or "<pid>" as csc-run wrote it before */
		char *sp = strchr(who, ' ');
		if (sp)
			*sp++ = '\0';
		csc_error_at(out, 0, "another run (%s%spid %s) is using this output folder; "
			     "try again when it ends", sp && *sp ? sp : "", sp && *sp ? ", " : "",
			     who[0] ? who : "unknown");
		close(fd);
		free(path);
		*rc = CSC_EXIT_LOCKED;
		return -1;
	}
	char who[96];
	int len = snprintf(who, sizeof who, "%ld %s\n", (long)getpid(), csc_prog());
	if (len >= (int)sizeof who)
		len = snprintf(who, sizeof who, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) != 0 || pwrite(fd, who, (size_t)len, 0) != len)
		csc_log("could not record pid in %s", path);
	free(path);
	*rc = 0;
	return fd;
}

void run_out_use_close(run_out_use *u)
{
	if (u->lock >= 0)
		close(u->lock);
	if (u->fd >= 0)
		close(u->fd);
	free(u->out);
	u->out = NULL;
	u->fd = u->lock = -1;
}

/* The staging folder and what is in it: no links (they are read by path),
 * and there at all. 0 or an exit code after saying why. */
static int check_staging(run_out_use *u)
{
	struct stat st;
	if (fstatat(u->fd, "staging", &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT) {
		char *s = csc_path_join(u->out, "staging");
		csc_error_at(s, 0, "no staging tables: run the pipeline first "
				   "(csc-run, or csc-run --target staging)");
		free(s);
		return CSC_EXIT_INPUT;
	}
	int d = run_out_dir(u->fd, u->out, "staging", 0);
	if (d < 0)
		return CSC_EXIT_OUTPUT;
	close(d);
	return run_out_nolinks_in(u->fd, u->out, "staging") ? CSC_EXIT_OUTPUT : 0;
}

int run_out_use_open(run_out_use *u, const char *output_dir, const char *doing)
{
	u->out = NULL;
	u->fd = u->lock = -1;
	int rc = run_out_open(output_dir, 0, &u->out, &u->fd);
	struct stat st;
	if (rc == 0 && u->fd < 0) {
		char *s = csc_path_join(u->out, "staging");
		csc_error_at(s, 0, "no staging tables: the output folder does not exist; run the "
				   "pipeline first (csc-run, or csc-run --target staging)");
		free(s);
		rc = CSC_EXIT_INPUT;
	} else if (rc == 0 && fstatat(u->fd, ".cscpipe", &st, AT_SYMLINK_NOFOLLOW) != 0) {
		/* an earlier cscpipe's folder, not yet marked (or one nobody
		 * ran csc-run on): what we would write there would make csc-run
		 * refuse it as foreign */
		csc_error_at(u->out, 0, "output_dir has no .cscpipe marker yet; run the pipeline once "
				       "(csc-run) before %s", doing);
		rc = CSC_EXIT_CONFIG;
	}
	if (rc == 0)
		u->lock = run_out_lock(u->fd, u->out, &rc);
	if (rc == 0)
		rc = check_staging(u);
	if (rc)
		run_out_use_close(u);
	return rc;
}

int run_out_use_place(const run_out_use *u, const char *rel, const char *const *names)
{
	int d = run_out_dir(u->fd, u->out, rel, 1);
	if (d < 0)
		return CSC_EXIT_OUTPUT;
	char *path = csc_path_join(u->out, rel);
	int bad = 0;
	for (int i = 0; names && names[i]; i++)
		bad |= run_out_nolink(d, path, names[i]);
	free(path);
	close(d);
	return bad ? CSC_EXIT_OUTPUT : 0;
}
