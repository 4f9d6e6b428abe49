#!/usr/bin/env bash
# The test command: installs what is missing, brings the local stack up,
# builds, and runs every test — unit tests and integration tests against the
# real PostgreSQL, Dovecot and Postfix. Run as root on Debian 12.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"

started=$(date +%s)
eval "$(deploy/local/stack.sh up)"
echo "test: stack up in $(( $(date +%s) - started ))s" >&2

export PATH="/opt/swift/usr/bin:$PATH"
command -v swift >/dev/null || { echo "test: swift not found (expected in /opt/swift/usr/bin or on PATH)" >&2; exit 1; }

build_started=$(date +%s)
swift build --build-tests -j 2
echo "test: build in $(( $(date +%s) - build_started ))s" >&2

# The systemd unit and its config (systemd-analyze verify, dsrd check-config).
deploy/systemd/verify.sh .build/debug/dsrd

# Integration tests need the dsr schema; migrations are idempotent.
.build/debug/dsrd migrate >/dev/null

# The unit lane first: pure tests and twins, in an environment without the
# stack's variables, so none of them can lean on a server.
test_started=$(date +%s)
env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD -u PGDATABASE -u DSRD_PG_OWNER -u DSRD_PG_OWNER_PASSWORD -u DSRD_CONFIG -u DSRD_IMAP_URL -u DSRD_IMAPS_URL \
    -u DSRD_IMAP_CA_FILE -u DSRD_SMTP_URL -u DSRD_TEST_MAIL_PASSWORD \
    swift test --skip-build --skip IntegrationTests
echo "test: unit lane in $(( $(date +%s) - test_started ))s" >&2

# Then the integration lane, on the real PostgreSQL, Dovecot and Postfix.
integration_started=$(date +%s)
swift test --skip-build --filter IntegrationTests
echo "test: integration lane in $(( $(date +%s) - integration_started ))s; tests in $(( $(date +%s) - test_started ))s, all in $(( $(date +%s) - started ))s" >&2
