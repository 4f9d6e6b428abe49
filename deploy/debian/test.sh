#!/usr/bin/env bash
# The Debian package's test, on this Debian 12 machine, as root: builds the
# package (deploy/debian/build.sh), checks its contents and conffiles,
# installs it, runs the installed dsrd with an empty environment and with the
# Swift toolchain out of sight, renders the man page, verifies the installed
# unit, edits a site template and the config, reinstalls and finds both
# edits intact, runs the integration tests against /usr/bin/dsrd on the local
# stack, then removes (the config stays) and purges (it goes). The machine is
# left as it was found: dsrd is purged at the end, also when a step fails.
#
# Usage: deploy/debian/test.sh [--no-integration]
# CI runs it after deploy/local/test.sh (.ci/run). Export the DSRD_STACK_*
# port variables first to use a stack on other ports, as for deploy/local/test.sh.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
integration=yes
case "${1:-}" in
    --no-integration) integration=no ;;
    "") ;;
    *) echo "usage: deploy/debian/test.sh [--no-integration]" >&2; exit 64 ;;
esac

started=$(date +%s)
step_started=$started
fail() { echo "package test: FAILED: $*" >&2; exit 1; }
step() {
    local now; now=$(date +%s)
    echo "package test: $* (after $(( now - started ))s)" >&2
    step_started=$now
}
status() { dpkg-query -W -f='${db:Status-Status}' dsrd 2>/dev/null || true; }
export PATH="/opt/swift/usr/bin:$PATH"
TOOLCHAIN=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")

# This test installs and purges dsrd and removes /etc/dsrd: refuse to run
# where either is someone else's.
case "$(status)" in
    ""|not-installed) ;;
    *) fail "dsrd is already on this machine (dpkg -l dsrd: $(status)); this test installs and purges it" ;;
esac
[ ! -e /etc/dsrd ] || fail "/etc/dsrd exists; this test would remove it when it purges dsrd"

work=$(mktemp -d)
scratch_database=""
cleanup() {
    local code=$?
    if [ -n "$scratch_database" ]; then
        psql -q -h "$DSRD_STACK_STATE/pg/run" -p "$PGPORT" -U postgres -d postgres \
            -c "DROP DATABASE IF EXISTS $scratch_database WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    case "$(status)" in
        ""|not-installed) ;;
        *) echo "package test: purging dsrd to leave the machine as it was" >&2
           DEBIAN_FRONTEND=noninteractive dpkg --purge dsrd >/dev/null 2>&1 || true ;;
    esac
    rm -rf "$work"
    exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Tools the checks use, installed only when missing.
missing=()
for package in man-db groff-base systemd; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 1. Build.
DEB=$(deploy/debian/build.sh | tail -1)
[ -f "$DEB" ] || fail "build.sh printed no package"
VERSION=$(sed -n 's/^ *public static let number = "\([^"]*\)".*$/\1/p' Sources/Daemon/Version.swift)
ARCH=$(dpkg --print-architecture)
[ "$(basename "$DEB")" = "dsrd_${VERSION}_${ARCH}.deb" ] || fail "the package is named $(basename "$DEB")"
step "built $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"

# 2. Contents, control fields and conffiles.
dpkg-deb -c "$DEB" | awk '{print $1, $2, $NF}' > "$work/contents"
for entry in \
    "-rwxr-xr-x root/root ./usr/bin/dsrd" \
    "-rw-r--r-- root/root ./lib/systemd/system/dsrd.service" \
    "-rw-r--r-- root/root ./etc/dsrd/config.json" \
    "-rw-r--r-- root/root ./etc/dsrd/templates/README" \
    "drwxr-xr-x root/root ./etc/dsrd/templates/nb/" \
    "drwxr-xr-x root/root ./etc/dsrd/templates/en/" \
    "-rw-r--r-- root/root ./usr/share/dsrd/templates/README.md" \
    "-rw-r--r-- root/root ./usr/share/man/man8/dsrd.8.gz" \
    "-rw-r--r-- root/root ./usr/share/bash-completion/completions/dsrd" \
    "-rw-r--r-- root/root ./usr/share/doc/dsrd/README.md" \
    "-rw-r--r-- root/root ./usr/share/doc/dsrd/copyright" \
    "-rw-r--r-- root/root ./usr/share/doc/dsrd/changelog.Debian.gz" \
    "-rw-r--r-- root/root ./usr/share/doc/dsrd/examples/config.json" \
    "-rw-r--r-- root/root ./usr/share/doc/dsrd/examples/config.example.json" \
    "-rw-r--r-- root/root ./usr/share/doc/dsrd/examples/datamap.json" \
    "-rw-r--r-- root/root ./usr/share/doc/dsrd/examples/operator-grants.sql"; do
    grep -qxF -- "$entry" "$work/contents" || fail "the package lacks: $entry"
done
# Every shipped template, in both languages; nothing but conffiles and folders under /etc.
for template in Templates/nb/*.txt Templates/en/*.txt; do
    grep -qxF -- "-rw-r--r-- root/root ./usr/share/dsrd/templates/${template#Templates/}" "$work/contents" \
        || fail "the package lacks /usr/share/dsrd/templates/${template#Templates/}"
done
[ "$(grep -c ' ./etc/.*[^/]$' "$work/contents")" = 2 ] || fail "files under /etc other than the two conffiles"
[ "$(dpkg-deb -I "$DEB" conffiles)" = "$(printf '/etc/dsrd/config.json\n/etc/dsrd/templates/README')" ] \
    || fail "conffiles: $(dpkg-deb -I "$DEB" conffiles)"
[ "$(dpkg-deb -f "$DEB" Package)" = dsrd ] && [ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION" ] \
    && [ "$(dpkg-deb -f "$DEB" Architecture)" = "$ARCH" ] || fail "control fields: $(dpkg-deb -f "$DEB" Package Version Architecture)"
depends=$(dpkg-deb -f "$DEB" Depends)
for needed in libc6 libcurl4 libpq5; do
    grep -q "\b$needed\b" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
if grep -qi swift <<<"$depends"; then fail "Depends names a Swift package: $depends"; fi
step "contents, control fields and conffiles as expected (Depends: $depends)"

# 3. Install (the libraries it depends on are already here; nothing starts:
# the postinst never starts dsrd).
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$DEB" > "$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "apt-get install $DEB"; }
[ "$(status)" = installed ] || fail "dsrd is not installed after apt-get install ($(status))"
step "installed with apt-get install"

# 4. The installed binary: an empty environment, no library from the
# toolchain, and it runs with the toolchain's directory out of sight.
[ "$(env -i /usr/bin/dsrd --version)" = "dsrd $VERSION" ] || fail "env -i /usr/bin/dsrd --version: $(env -i /usr/bin/dsrd --version 2>&1)"
libraries=$(ldd /usr/bin/dsrd)
if grep -F "$TOOLCHAIN/" <<<"$libraries" >&2; then fail "/usr/bin/dsrd loads libraries from $TOOLCHAIN"; fi
if grep 'not found' <<<"$libraries" >&2; then fail "/usr/bin/dsrd needs libraries that are not found"; fi
if unshare --mount true 2>/dev/null; then
    hidden=$(unshare --mount sh -c "mount -t tmpfs none '$TOOLCHAIN' && env -i /usr/bin/dsrd --version \
        && env -i /usr/bin/dsrd classify '$REPO/deploy/local/demo-mail/01-access-nb.eml'" 2>&1) \
        || fail "/usr/bin/dsrd fails with $TOOLCHAIN hidden: $hidden"
    grep -q 'access' <<<"$hidden" || fail "classify with $TOOLCHAIN hidden: $hidden"
    echo "package test: runs with $TOOLCHAIN hidden (an empty tmpfs over it)" >&2
else
    echo "package test: unshare is not permitted here; the ldd check stands alone" >&2
fi
echo "package test: ldd /usr/bin/dsrd: $(awk '{print $1}' <<<"$libraries" | tr '\n' ' ')" >&2
# The secrets' folders, root-only.
for dir in /etc/dsrd/credentials /etc/dsrd/migration; do
    [ "$(stat -c '%a %U %G' "$dir")" = "700 root root" ] || fail "$dir is $(stat -c '%a %U %G' "$dir")"
done
# The packaged config is refused until it is filled in, naming each value.
set +e
refused=$(env -i /usr/bin/dsrd check-config 2>&1)
refused_status=$?
set -e
[ "$refused_status" = 78 ] || fail "check-config of the packaged /etc/dsrd/config.json exited $refused_status: $refused"
for key in imap.url sender postgres.host organisation.name data_map; do
    grep -q "$key: still the packaged placeholder" <<<"$refused" || fail "check-config does not name $key: $refused"
done
# Completion.
[ "$(bash -c 'source /usr/share/bash-completion/completions/dsrd; COMP_WORDS=(dsrd requests rej); COMP_CWORD=2; _dsrd; echo "${COMPREPLY[*]}"')" = reject ] \
    || fail "bash completion does not complete 'dsrd requests rej'"
step "the installed dsrd runs without the toolchain; credentials root-only; packaged config refused; completion works"

# 5. The man page: found by man, rendered without a warning.
[ "$(man -w dsrd)" = /usr/share/man/man8/dsrd.8.gz ] || fail "man -w dsrd: $(man -w dsrd 2>&1)"
warnings=$(MANWIDTH=80 man --warnings -l /usr/share/man/man8/dsrd.8.gz 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man page warnings: $warnings"
warnings=$(zcat /usr/share/man/man8/dsrd.8.gz | groff -man -Tutf8 -ww -z 2>&1)
[ -z "$warnings" ] || fail "groff warnings: $warnings"
page=$(MANWIDTH=80 man -l /usr/share/man/man8/dsrd.8.gz 2>/dev/null)
for section in SYNOPSIS COMMANDS CONFIGURATION FILES "EXIT STATUS" SIGNALS EXAMPLES "dsrd $VERSION"; do
    grep -q "$section" <<<"$page" || fail "the man page lacks $section"
done
for command in run check-config migrate probe status "requests list" "requests reject" "outbox retry" \
               "suppression check" classify bench-classify version help SIGTERM SIGHUP site_templates_dir; do
    grep -qF -- "$command" <<<"$page" || fail "the man page does not mention $command"
done
for code in 0 1 64 69 75 77 78; do
    grep -qE "^ +$code +[A-Z]" <<<"$page" || fail "the man page does not explain exit status $code"
done
step "man dsrd renders without warnings"

# 6. The installed unit.
verified=$(systemd-analyze verify /lib/systemd/system/dsrd.service 2>&1) || fail "systemd-analyze verify: $verified"
[ -z "$verified" ] || fail "systemd-analyze verify: $verified"
grep -q '^Documentation=man:dsrd(8)$' /lib/systemd/system/dsrd.service || fail "the unit's Documentation= is not man:dsrd(8)"
grep -q '^ExecStart=/usr/bin/dsrd run ' /lib/systemd/system/dsrd.service || fail "the unit does not start /usr/bin/dsrd"
step "systemd-analyze verify passes on the installed unit"

# 7. A site template and the config edited; a reinstall keeps both.
cp /usr/share/dsrd/templates/nb/receipt.txt /etc/dsrd/templates/nb/receipt.txt
sed -i '0,/^$/s//\nVår juridiske tekst, endret av denne testen.\n/' /etc/dsrd/templates/nb/receipt.txt
grep -q 'endret av denne testen' /etc/dsrd/templates/nb/receipt.txt || fail "the site template was not edited"
sed -i 's/"poll_interval_seconds": 30/"poll_interval_seconds": 45/' /etc/dsrd/config.json
grep -q '"poll_interval_seconds": 45' /etc/dsrd/config.json || fail "the config was not edited"
cp /etc/dsrd/templates/nb/receipt.txt "$work/receipt.txt"
cp /etc/dsrd/config.json "$work/config.json"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall --no-install-recommends "$DEB" > "$work/reinstall.log" 2>&1 \
    || { cat "$work/reinstall.log" >&2; fail "apt-get install --reinstall"; }
cmp -s "$work/receipt.txt" /etc/dsrd/templates/nb/receipt.txt || fail "the reinstall changed the site template"
cmp -s "$work/config.json" /etc/dsrd/config.json || fail "the reinstall changed the edited /etc/dsrd/config.json"
[ -z "$(find /etc/dsrd -name '*.dpkg-*')" ] || fail "dpkg left $(find /etc/dsrd -name '*.dpkg-*')"
step "the edited site template and config survive a reinstall"

# 8. On the local stack: the installed layout (shipped templates, the
# site's edited receipt) passes check-config against the live database, and
# the integration tests pass with /usr/bin/dsrd as the binary they start.
eval "$(deploy/local/stack.sh up)"
jq '.templates_dir = "/usr/share/dsrd/templates" | .site_templates_dir = "/etc/dsrd/templates"' "$DSRD_CONFIG" \
    > "$work/stack-config.json"
checked=$(/usr/bin/dsrd check-config --config "$work/stack-config.json" 2>&1) || fail "check-config with the installed templates: $checked"
grep -q 'site_templates_dir *"*/etc/dsrd/templates' <<<"$checked" || fail "check-config does not show site_templates_dir: $checked"
step "check-config with the installed templates and the site's file passes on the local stack"

# 9. The installed postinst as under a running systemd (systemd is not PID 1
# here): in a mount namespace of its own, /run/systemd/system exists and
# systemctl is a stand-in that records its calls and says dsrd is active.
# A fresh install only reloads; an upgrade with a configuration the new dsrd
# refuses, or on a schema it would refuse, does not restart; one it accepts
# (the stack's, bound over /etc/dsrd/config.json) restarts.
if unshare --mount true 2>/dev/null; then
    mkdir "$work/fakebin"
    printf '#!/bin/sh\necho "$*" >> "%s/systemctl.calls"\nexit 0\n' "$work" > "$work/fakebin/systemctl"
    chmod 755 "$work/fakebin/systemctl"
    maintainer_script_under_systemd() {  # CONFIG-TO-BIND-OR-EMPTY POSTINST-ARGUMENTS...
        local config=$1; shift
        : > "$work/systemctl.calls"
        unshare --mount sh -c '
            mount -t tmpfs none /run && mkdir -p /run/systemd/system || exit 1
            if [ -n "$1" ]; then mount --bind "$1" /etc/dsrd/config.json || exit 1; fi
            shift
            PATH="$0:$PATH" /var/lib/dpkg/info/dsrd.${SCRIPT:-postinst} "$@"' "$work/fakebin" "$config" "$@" \
            > "$work/postinst.out" 2>&1 || { cat "$work/postinst.out" >&2; fail "${SCRIPT:-postinst} $*"; }
    }
    maintainer_script_under_systemd "" configure
    [ "$(cat "$work/systemctl.calls")" = "--system daemon-reload" ] || fail "a fresh install ran: $(cat "$work/systemctl.calls")"
    maintainer_script_under_systemd "" configure 0.0.1
    if grep -q restart "$work/systemctl.calls"; then fail "an upgrade restarted dsrd with a refused configuration"; fi
    grep -q 'keeps running the previous' "$work/postinst.out" || fail "the postinst did not say why: $(cat "$work/postinst.out")"
    maintainer_script_under_systemd "$work/stack-config.json" configure 0.0.1
    grep -qx 'restart dsrd.service' "$work/systemctl.calls" || fail "an upgrade with an accepted configuration did not restart: $(cat "$work/systemctl.calls")"
    # A database without schema dsr (as before dsrd migrate of a new version):
    # check-config accepts the file and warns, and the service is left alone.
    scratch_database="dsrd_package_test_$$"
    psql -q -h "$DSRD_STACK_STATE/pg/run" -p "$PGPORT" -U postgres -d postgres \
        -c "CREATE DATABASE $scratch_database OWNER \"$PGUSER\"" >/dev/null
    jq --arg db "$scratch_database" '.postgres.database = $db | del(.data_map)' "$work/stack-config.json" \
        > "$work/unmigrated-config.json"
    maintainer_script_under_systemd "$work/unmigrated-config.json" configure 0.0.1
    if grep -q restart "$work/systemctl.calls"; then fail "an upgrade restarted dsrd on a database dsrd migrate has not updated"; fi
    grep -q 'run dsrd migrate (as postgres.migration_user),' "$work/postinst.out" \
        || fail "the postinst did not say to run dsrd migrate: $(cat "$work/postinst.out")"
    cmp -s "$work/config.json" /etc/dsrd/config.json || fail "the postinst test changed /etc/dsrd/config.json"
    # The prerm stops the service on remove, and leaves it to the postinst on upgrade.
    SCRIPT=prerm maintainer_script_under_systemd "" upgrade 0.0.2
    [ ! -s "$work/systemctl.calls" ] || fail "prerm upgrade ran: $(cat "$work/systemctl.calls")"
    SCRIPT=prerm maintainer_script_under_systemd "" remove
    [ "$(cat "$work/systemctl.calls")" = "stop dsrd.service" ] || fail "prerm remove ran: $(cat "$work/systemctl.calls")"
    step "maintainer scripts: never start on install; an upgrade restarts only with a configuration check-config accepts and a migrated schema; remove stops"
else
    echo "package test: unshare is not permitted here; the postinst's upgrade path is not exercised" >&2
fi
if [ "$integration" = yes ]; then
    swift build --build-tests -j "${DSRD_BUILD_JOBS:-2}" >&2
    /usr/bin/dsrd migrate >/dev/null
    DSRD_BINARY=/usr/bin/dsrd swift test --skip-build --filter IntegrationTests >&2 \
        || fail "the integration tests with DSRD_BINARY=/usr/bin/dsrd"
    step "the integration tests pass with /usr/bin/dsrd"
fi

# 10. Remove keeps /etc/dsrd; purge removes it.
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q dsrd > "$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "apt-get remove"; }
[ "$(status)" = config-files ] || fail "after remove dsrd is $(status), not config-files"
[ ! -e /usr/bin/dsrd ] && [ ! -e /lib/systemd/system/dsrd.service ] && [ ! -e /usr/share/man/man8/dsrd.8.gz ] \
    || fail "remove left the program files"
cmp -s "$work/config.json" /etc/dsrd/config.json || fail "remove did not keep /etc/dsrd/config.json"
cmp -s "$work/receipt.txt" /etc/dsrd/templates/nb/receipt.txt || fail "remove did not keep the site template"
[ -d /etc/dsrd/credentials ] || fail "remove did not keep /etc/dsrd/credentials"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q dsrd > "$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "apt-get purge"; }
case "$(status)" in ""|not-installed) ;; *) fail "after purge dsrd is $(status)" ;; esac
[ ! -e /etc/dsrd ] || fail "purge left /etc/dsrd"
step "remove kept /etc/dsrd, purge removed it"
echo "package test: passed in $(( $(date +%s) - started ))s" >&2
