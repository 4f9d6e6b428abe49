#!/usr/bin/env bash
# Checks deploy/systemd/: the unit with systemd-analyze verify (systemd is
# not PID 1 here; the check needs only the systemd package), and the config
# with dsrd check-config, every secret coming from a LoadCredential= of the
# unit. Usage: deploy/systemd/verify.sh [PATH-TO-DSRD]  (default .build/debug/dsrd)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DSRD=$(realpath "${1:-$REPO/.build/debug/dsrd}")
UNIT="$REPO/deploy/systemd/dsrd.service"
CONFIG="$REPO/deploy/systemd/config.json"
fail() { echo "verify: $*" >&2; exit 1; }

[ -x "$DSRD" ] || fail "$DSRD is not built"

# systemd-analyze comes with the systemd package. Installing it where
# systemd does not run is harmless: its scripts only talk to a running
# systemd (/run/systemd/system), and policy-rc.d keeps services from starting.
if ! command -v systemd-analyze >/dev/null; then
    made_policy=no
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null
    [ "$made_policy" = yes ] && rm -f /usr/sbin/policy-rc.d
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# verify wants the Exec lines' binaries to exist: check a copy naming the built one.
sed "s#^\(Exec[A-Za-z]*\)=/usr/bin/dsrd #\1=$DSRD #" "$UNIT" > "$work/dsrd.service"
grep -q "^ExecStart=$DSRD run " "$work/dsrd.service" || fail "ExecStart line not found in $UNIT"
# A reload runs check-config before the signal, and a refused config stops
# the restarts (exit 78) instead of looping.
grep -q "^ExecReload=$DSRD check-config --config /etc/dsrd/config.json$" "$work/dsrd.service" \
    || fail "ExecReload does not check the config first in $UNIT"
[ "$(grep -n '^ExecReload=' "$work/dsrd.service" | head -1 | grep -c check-config)" = 1 ] \
    || fail "the config check is not the first ExecReload in $UNIT"
grep -q "^RestartPreventExitStatus=78$" "$UNIT" || fail "RestartPreventExitStatus=78 missing in $UNIT"
# Documentation=man:dsrd(8) is checked with man(1): the repository's page
# (man/man8/dsrd.8, installed by the Debian package) is found through MANPATH.
if ! output=$(MANPATH="$REPO/man:" systemd-analyze verify "$work/dsrd.service" 2>&1) || [ -n "$output" ]; then
    echo "$output" >&2
    fail "systemd-analyze verify found problems in dsrd.service"
fi

# Every credential the config names is loaded by the unit, and the config
# passes dsrd's own check with them.
mkdir "$work/credentials"
for name in $(grep -o '"credential": *"[^"]*"' "$CONFIG" | sed 's/.*: *"\(.*\)"/\1/'); do
    grep -q "^LoadCredential=$name:" "$UNIT" || fail "config names credential $name, the unit does not load it"
    echo "placeholder-$name" > "$work/credentials/$name"
done
# The installed paths are the repository's files, and the database is the
# local stack's reference database (the data map is checked against it),
# when the stack is up; otherwise only what needs no database is checked.
mkdir -p "$work/site-templates/nb" "$work/site-templates/en"
jq --arg repo "$REPO" --arg site "$work/site-templates" \
    '.templates_dir = ($repo + "/Templates") | .site_templates_dir = $site | .data_map = ($repo + "/deploy/datamap.json")' \
    "$CONFIG" > "$work/config.json"
if stack_env=$("$REPO/deploy/local/stack.sh" env 2>/dev/null); then
    eval "$stack_env"
    printf '%s' "$PGPASSWORD" > "$work/credentials/pg-password"
    jq --arg host "$PGHOST" --argjson port "$PGPORT" --arg db "$PGDATABASE" --arg user "$PGUSER" \
        '.postgres += {host: $host, port: $port, database: $db, user: $user, sslmode: "disable"}' \
        "$work/config.json" > "$work/config.stack.json"
    mv "$work/config.stack.json" "$work/config.json"
else
    jq 'del(.data_map)' "$work/config.json" > "$work/config.nodb.json"
    mv "$work/config.nodb.json" "$work/config.json"
fi
CREDENTIALS_DIRECTORY="$work/credentials" "$DSRD" check-config --config "$work/config.json" >/dev/null \
    || fail "dsrd check-config refused $CONFIG"

# MemoryDenyWriteExecute=yes: the Swift runtime must not need writable and
# executable memory. Linux's PR_SET_MDWE (6.3+) enforces the same rule on a
# process and its children; where python3 and such a kernel are at hand,
# dsrd runs under it.
if command -v python3 >/dev/null; then
    CREDENTIALS_DIRECTORY="$work/credentials" python3 - "$DSRD" "$work/config.json" >/dev/null <<'PY' || fail "dsrd fails without writable+executable memory"
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:  # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
    sys.exit(0)  # kernel without MDWE: nothing to check here
os.execv(sys.argv[1], [sys.argv[1], "check-config", "--config", sys.argv[2]])
PY
fi

echo "verify: dsrd.service and config.json are good" >&2
