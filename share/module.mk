# csc-share: pseudonymised extracts of the staging tables (README "Sharing
# records"). HMAC-SHA-256 comes from OpenSSL libcrypto (libssl-dev), linked
# into this program and its tests only.
SHARE_CRYPTO_CFLAGS := $(shell pkg-config --cflags libcrypto 2>/dev/null)
SHARE_CRYPTO_LIBS := $(shell pkg-config --libs libcrypto 2>/dev/null || echo -lcrypto)
PROGRAMS += csc-share
csc-share_OBJS := share/share_main.o share/share_extract.o share/share_profile.o \
	share/share_value.o share/share_key.o run/run_period.o run/run_outdir.o
UNIT_TESTS += test_share
test_share_OBJS := tests/unit/test_share.o share/share_extract.o share/share_profile.o \
	share/share_value.o share/share_key.o
csc-share_LDLIBS := $(SHARE_CRYPTO_LIBS)
test_share_LDLIBS := $(SHARE_CRYPTO_LIBS)
$(BUILD)/share/share_value.o $(BUILD)/share/share_key.o: ALL_CFLAGS += $(SHARE_CRYPTO_CFLAGS)
E2E_TESTS += tests/e2e/share.sh
