/*
 * bench_time.c - csc-bench-time: run a command and report what it cost.
 *
 * usage: csc-bench-time OUT -- COMMAND [ARG...]
 *
 * Runs COMMAND (stdin from /dev/null, stdout and stderr passed through) and
 * appends one line to OUT:
 *     wall_s cpu_s user_s sys_s maxrss_kb exit sumrss_kb
 * wall from CLOCK_MONOTONIC; CPU and peak RSS from wait4(2), which on Linux
 * counts the command and every descendant it waited for, so the peak RSS of
 * a chain (csc-run -> make -> stages) is that of its largest process.
 * sumrss_kb is what the 2 GB budget of issue 20 is about: the largest sum of
 * the resident sets of the command and all its descendants at one moment,
 * sampled from /proc every SAMPLE_MS. Pages two processes share (after a
 * fork) are counted in each, so it errs high; a peak shorter than
 * SAMPLE_MS can be missed, so a short command may show less than maxrss_kb.
 * Exits with COMMAND's status. A C wrapper because GNU time is not always
 * installed and its output format differs between versions.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double tv(struct timeval t)
{
	return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

enum { SAMPLE_MS = 100, MAX_PROCS = 4096 };

/* The parent of process PID from /proc/PID/stat; -1 when it is gone. The
 * command name in field 2 may hold spaces and parentheses, so the fields
 * are read after its last ')'. */
static long proc_ppid(long pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	long ppid;
	if (!p || sscanf(p + 1, " %*c %ld", &ppid) != 1)
		return -1;
	return ppid;
}

/* Resident set of PID in kB from /proc/PID/statm; 0 when it is gone. */
static long proc_rss_kb(long pid, long page_kb)
{
	char path[64], buf[128];
	snprintf(path, sizeof path, "/proc/%ld/statm", pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	long size, res;
	if (sscanf(buf, "%ld %ld", &size, &res) != 2)
		return 0;
	return res * page_kb;
}

/* The summed resident set, in kB, of ROOT and every process descending from
 * it, from one walk of /proc. Processes beyond MAX_PROCS are not seen. */
static long tree_rss_kb(long root, long page_kb)
{
	static long pid[MAX_PROCS], ppid[MAX_PROCS];
	static signed char in[MAX_PROCS];
	int n = 0;
	DIR *d = opendir("/proc");
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < MAX_PROCS) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		long p = strtol(e->d_name, NULL, 10), pp = proc_ppid(p);
		if (pp < 0)
			continue;
		pid[n] = p;
		ppid[n] = pp;
		in[n] = p == root ? 1 : -1;
		n++;
	}
	closedir(d);
	/* a process is in the tree when its parent is: repeat until nothing
	 * changes (the depth of the tree, a handful of passes) */
	for (int changed = 1; changed;) {
		changed = 0;
		for (int i = 0; i < n; i++) {
			if (in[i] == 1)
				continue;
			for (int j = 0; j < n; j++)
				if (in[j] == 1 && pid[j] == ppid[i]) {
					in[i] = 1;
					changed = 1;
					break;
				}
		}
	}
	long sum = 0;
	for (int i = 0; i < n; i++)
		if (in[i] == 1)
			sum += proc_rss_kb(pid[i], page_kb);
	return sum;
}

int main(int argc, char **argv)
{
	if (argc < 4 || strcmp(argv[2], "--") != 0) {
		fprintf(stderr, "usage: csc-bench-time OUT -- COMMAND [ARG...]\n");
		return 4;
	}
	/* SIGCHLD stays blocked so that sigtimedwait below ends the moment the
	 * command exits, however late in a sampling interval: the wall time of a
	 * 50 ms command is not rounded up to SAMPLE_MS */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("csc-bench-time: fork");
		return 7;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd >= 0)
			dup2(fd, 0);
		sigprocmask(SIG_UNBLOCK, &chld, NULL);
		execvp(argv[3], argv + 3);
		fprintf(stderr, "csc-bench-time: %s: %s\n", argv[3], strerror(errno));
		_exit(127);
	}
	int st;
	struct rusage ru;
	long page_kb = sysconf(_SC_PAGESIZE) / 1024, sum_kb = 0;
	const struct timespec nap = {0, SAMPLE_MS * 1000000L};
	/* SIGCHLD's default action is to ignore it; Linux keeps an ignored
	 * signal pending only while it is blocked, as it is, above */
	for (;;) {
		pid_t r = wait4(pid, &st, WNOHANG, &ru);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			perror("csc-bench-time: wait4");
			return 7;
		}
		long k = tree_rss_kb(pid, page_kb);
		if (k > sum_kb)
			sum_kb = k;
		sigtimedwait(&chld, NULL, &nap);
	}
	double wall = now() - t0;
	int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	FILE *f = fopen(argv[1], "a");
	if (!f) {
		fprintf(stderr, "csc-bench-time: %s: %s\n", argv[1], strerror(errno));
		return 6;
	}
	double u = tv(ru.ru_utime), s = tv(ru.ru_stime);
	fprintf(f, "%.3f %.3f %.3f %.3f %ld %d %ld\n", wall, u + s, u, s, ru.ru_maxrss, code, sum_kb);
	if (fclose(f) != 0)
		return 6;
	return code;
}
