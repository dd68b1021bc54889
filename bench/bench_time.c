/*
 * bench_time.c - csc-bench-time: run a command and report what it cost.
 *
 * usage: csc-bench-time OUT -- COMMAND [ARG...]
 *
 * Runs COMMAND (stdin from /dev/null, stdout and stderr passed through) and
 * appends one line to OUT:
 *     wall_s cpu_s user_s sys_s maxrss_kb exit
 * wall from CLOCK_MONOTONIC; CPU and peak RSS from wait4(2), which on Linux
 * counts the command and every descendant it waited for, so the peak RSS of
 * a chain (csc-run -> make -> stages) is that of its largest process. Exits
 * with COMMAND's status. A C wrapper because GNU time is not always
 * installed and its output format differs between versions.
 */
#include <errno.h>
#include <fcntl.h>
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

int main(int argc, char **argv)
{
	if (argc < 4 || strcmp(argv[2], "--") != 0) {
		fprintf(stderr, "usage: csc-bench-time OUT -- COMMAND [ARG...]\n");
		return 4;
	}
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
		execvp(argv[3], argv + 3);
		fprintf(stderr, "csc-bench-time: %s: %s\n", argv[3], strerror(errno));
		_exit(127);
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("csc-bench-time: wait4");
			return 7;
		}
	}
	double wall = now() - t0;
	int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	FILE *f = fopen(argv[1], "a");
	if (!f) {
		fprintf(stderr, "csc-bench-time: %s: %s\n", argv[1], strerror(errno));
		return 6;
	}
	double u = tv(ru.ru_utime), s = tv(ru.ru_stime);
	fprintf(f, "%.3f %.3f %.3f %.3f %ld %d\n", wall, u + s, u, s, ru.ru_maxrss, code);
	if (fclose(f) != 0)
		return 6;
	return code;
}
