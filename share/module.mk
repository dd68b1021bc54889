# csc-share: pseudonymised extracts of the staging tables (README "Sharing
# records"). HMAC-SHA-256 comes from OpenSSL libcrypto, which every program
# links (the top Makefile's PKGS).
PROGRAMS += csc-share
csc-share_OBJS := share/share_main.o share/share_extract.o share/share_profile.o \
	share/share_value.o share/share_key.o run/run_period.o run/run_outdir.o run/run_outuse.o
UNIT_TESTS += test_share
test_share_OBJS := tests/unit/test_share.o share/share_extract.o share/share_profile.o \
	share/share_value.o share/share_key.o
E2E_TESTS += tests/e2e/share.sh
