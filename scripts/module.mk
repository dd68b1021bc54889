# The build and install tooling: --version and man pages of every program,
# make install to several PREFIXes, and the top-level pipeline.conf run by
# the make targets (with the statuses they report).
E2E_TESTS += tests/e2e/version_man.sh tests/e2e/install.sh tests/e2e/pipeline_conf.sh
