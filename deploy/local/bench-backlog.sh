#!/usr/bin/env bash
# Backlog benchmark: N request messages already waiting in a notices mailbox
# of their own are taken through intake, fulfilment and delivery by one
# `dsrd run` (release build, with the default delivery settings: a receipt
# waits 30 s for its answer), which works through full batches without
# waiting for the poll interval. Prints the wall time, messages per second,
# the daemon's peak memory (/usr/bin/time -v) and where the requests ended.
# The local stack's config sets the abuse limits high enough for this.
# Usage, as root on Debian 12: deploy/local/bench-backlog.sh [N]  (default 10000)
# [DSRD_BINARY=PATH] to time another build of dsrd against the same stack.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
export PATH="/opt/swift/usr/bin:$PATH"
N=${1:-10000}
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 1 ] || { echo "usage: $0 [N]" >&2; exit 2; }

eval "$(deploy/local/stack.sh up)"
command -v /usr/bin/time >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
# DSRD_BINARY=PATH times another build (to compare two); by default this
# checkout's release build.
if [ -n "${DSRD_BINARY:-}" ]; then
    DSRD=$DSRD_BINARY
else
    swift build -c release -j 2 --product dsrd 2>&1 | tail -n 1
    DSRD="$REPO/.build/release/dsrd"
fi

work=$(mktemp -d)
daemon=""
# The daemon is the child of /usr/bin/time, which does not pass signals on.
stop_daemon() { [ -n "$daemon" ] && pkill -TERM -P "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null || true; daemon=""; }
trap 'stop_daemon; [ -n "${KEEP:-}" ] && cp "$work/daemon.log" "$KEEP"; rm -rf "$work"' EXIT
user="bench-$(date +%s)"
notices="$user@janteloppet.test"
jq --arg n "$notices" '.imap.username = $n | .sender = $n | del(.delivery)' "$DSRD_CONFIG" > "$work/config.json"
"$DSRD" migrate --config "$work/config.json" >/dev/null

# The backlog: N messages written straight into the mailbox (Maildir), from
# N fictional senders, four kinds of request in turn.
maildir="$DSRD_STACK_STATE/mail/janteloppet.test/$user/Maildir"
mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp"
texts=(
    "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg."
    "Please send me a copy of all personal data you hold about me."
    "Hei, jeg protesterer mot at dere deler navnet mitt med partnere og andre tredjeparter."
    "Please delete all personal data you hold about me."
)
for i in $(seq 1 "$N"); do
    printf 'From: bench.%s.%s@example.com\r\nTo: %s\r\nSubject: Personvern %s\r\nMessage-ID: <%s.%s@example.com>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' \
        "$i" "$user" "$notices" "$i" "$i" "$user" "${texts[$((i % 4))]}" > "$maildir/new/$i.bench:2,"
done
# The domain's folder too: after a reset this script may be the first to make it.
chown "$(stat -c %U "$DSRD_STACK_STATE/mail")":"$(stat -c %G "$DSRD_STACK_STATE/mail")" \
    "$DSRD_STACK_STATE/mail/janteloppet.test"
chown -R "$(stat -c %U "$DSRD_STACK_STATE/mail")":"$(stat -c %G "$DSRD_STACK_STATE/mail")" \
    "$DSRD_STACK_STATE/mail/janteloppet.test/$user"
echo "backlog: $N messages in $notices"

# Done: every message in the ledger, no request left `received`, nothing
# of these requests still waiting in the outbox.
remaining() {
    psql -X -Atq -v ON_ERROR_STOP=1 -v mailbox="$notices/INBOX" -v n="$N" <<'SQL'
SELECT (:n - (SELECT count(*) FROM dsr.inbound WHERE mailbox = :'mailbox'))
     + (SELECT count(*) FROM dsr.requests r WHERE r.state = 'received' AND r.id IN
          (SELECT m.request_id FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
           WHERE i.mailbox = :'mailbox'))
     + (SELECT count(*) FROM dsr.outbox o WHERE o.state = 'pending' AND o.request_id IN
          (SELECT m.request_id FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
           WHERE i.mailbox = :'mailbox'));
SQL
}

started=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" "$DSRD" run --config "$work/config.json" 2> "$work/daemon.log" >/dev/null &
daemon=$!
while true; do
    sleep 1
    left=$(remaining)
    [ "$left" -le 0 ] && break
    kill -0 "$daemon" 2>/dev/null || { echo "dsrd stopped early:" >&2; tail -n 20 "$work/daemon.log" >&2; exit 1; }
done
finished=$(date +%s.%N)
stop_daemon

seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.3f", b - a }')
printf 'messages        %d\n' "$N"
printf 'wall seconds    %.1f (to within the 1 s polling of this script)\n' "$seconds"
printf 'messages/s      %.1f (recorded, carried out, receipt and answer sent)\n' "$(awk -v n="$N" -v s="$seconds" 'BEGIN { print n / s }')"
printf 'peak RSS        %s MB\n' "$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")"
printf 'errors logged   %s\n' "$(grep -c 'level=error' "$work/daemon.log" || true)"
printf 'per stage       %s\n' "$(awk '/msg="stage round done"/ { for (i = 1; i <= NF; i++) if ($i ~ /^stage=/) { split($i, kv, "="); n[kv[2]]++ } }
    END { for (s in n) printf "%s: %d rounds  ", s, n[s] }' "$work/daemon.log")"
psql -X -q -P pager=off -v mailbox="$notices/INBOX" <<'SQL'
SELECT i.outcome, r.state, count(*) FROM dsr.inbound i
LEFT JOIN dsr.request_messages m ON m.inbound_id = i.id AND m.role = 'request'
LEFT JOIN dsr.requests r ON r.id = m.request_id
WHERE i.mailbox = :'mailbox' GROUP BY 1, 2 ORDER BY 3 DESC;
SQL
