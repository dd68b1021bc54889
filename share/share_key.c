/* share_key.c - see share_key.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "csc_diag.h"
#include "share_key.h"

int share_key_load(const char *path, share_key *key)
{
	struct stat st;
	key->n = 0;
	/* O_NOFOLLOW refuses a link at the last component; the fstat below
	 * checks the file actually opened, so a swap after a stat cannot fool
	 * the mode test. */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ELOOP)
			csc_error_at(path, 0, "share key file is a symbolic link; name the file itself");
		else
			csc_error_at(path, 0, "cannot open the share key file: %s", strerror(errno));
		return -1;
	}
	const char *why = NULL;
	if (fstat(fd, &st) != 0)
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (st.st_mode & (S_IRWXG | S_IRWXO))
		why = "readable, writable or executable by group or others (chmod 600 it)";
	else if (st.st_size == 0)
		why = "empty";
	else if (st.st_size < SHARE_KEY_MIN)
		why = "shorter than 32 bytes";
	else if (st.st_size > SHARE_KEY_MAX)
		why = "longer than 4096 bytes";
	if (!why) {
		ssize_t got = read(fd, key->k, (size_t)st.st_size);
		if (got != st.st_size)
			why = got < 0 ? strerror(errno) : "changed while being read";
		else
			key->n = (size_t)got;
	}
	close(fd);
	if (why) {
		csc_error_at(path, 0, "share key file refused: %s", why);
		share_key_wipe(key);
		return -1;
	}
	return 0;
}

void share_key_wipe(share_key *key)
{
	OPENSSL_cleanse(key->k, sizeof key->k);
	key->n = 0;
}
