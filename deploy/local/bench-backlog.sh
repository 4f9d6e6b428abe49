#!/usr/bin/env bash
# Backlog benchmark: N request messages already waiting in a notices mailbox
# of their own are taken through intake, fulfilment and delivery by one
# `dsrd run` (release build, with the default delivery settings: a receipt
# waits 30 s for its answer), which works through full batches without
# waiting for the poll interval. Prints the wall time, messages per second,
# the replies sent per second beside the raw rate of one SMTP connection to
# the same Postfix (and the ratio), the CPU time a request costs (the whole
# machine's, and dsrd's own),
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
# N fictional senders, four kinds of request in turn. The senders are at
# sink.example.net, whose mail the stack's Postfix accepts and discards: the
# replies are counted when Postfix accepts them, as dsrd counts them, and
# Dovecot does not file N replies into N new mailboxes on the same cores.
maildir="$DSRD_STACK_STATE/mail/janteloppet.test/$user/Maildir"
mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp"
texts=(
    "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg."
    "Please send me a copy of all personal data you hold about me."
    "Hei, jeg protesterer mot at dere deler navnet mitt med partnere og andre tredjeparter."
    "Please delete all personal data you hold about me."
)
for i in $(seq 1 "$N"); do
    printf 'From: bench.%s.%s@sink.example.net\r\nTo: %s\r\nSubject: Personvern %s\r\nMessage-ID: <%s.%s@example.com>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' \
        "$i" "$user" "$notices" "$i" "$i" "$user" "${texts[$((i % 4))]}" > "$maildir/new/$i.bench:2,"
done
# The domain's folder too: after a reset this script may be the first to make it.
chown "$(stat -c %U "$DSRD_STACK_STATE/mail")":"$(stat -c %G "$DSRD_STACK_STATE/mail")" \
    "$DSRD_STACK_STATE/mail/janteloppet.test"
chown -R "$(stat -c %U "$DSRD_STACK_STATE/mail")":"$(stat -c %G "$DSRD_STACK_STATE/mail")" \
    "$DSRD_STACK_STATE/mail/janteloppet.test/$user"
echo "backlog: $N messages in $notices"

# Done: every message in the ledger, no request left `received`, nothing
# of these requests still waiting in the outbox. Polled four times a
# second, so it must cost the server little: the last two counts start from
# the few requests still `received` and the few mails still pending (both
# indexed), not from this backlog's thousands of messages, and are only
# made once every message is in the ledger. The counts go through one psql
# session for the whole run (the program itself, not Debian's Perl wrapper):
# a new session for each poll (a Perl and a psql process, a server backend,
# a SCRAM password exchange) used about 8% of the machine's CPU during a
# drain, taken from the servers it measures.
psql_program=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
[ -x "$psql_program" ] || psql_program=psql
coproc POLL { exec "$psql_program" -X -Atq -v ON_ERROR_STOP=1 -v mailbox="$notices/INBOX" -v n="$N"; }
poll_pid=$POLL_PID
remaining_sql=$(cat <<'SQL'
WITH recorded AS (SELECT count(*) AS n FROM dsr.inbound WHERE mailbox = :'mailbox')
SELECT CASE WHEN (SELECT n FROM recorded) < :n THEN :n - (SELECT n FROM recorded) ELSE
         (SELECT count(*) FROM dsr.requests r WHERE r.state = 'received' AND EXISTS
            (SELECT 1 FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
             WHERE m.request_id = r.id AND i.mailbox = :'mailbox'))
       + (SELECT count(*) FROM dsr.outbox o WHERE o.state = 'pending' AND EXISTS
            (SELECT 1 FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
             WHERE m.request_id = o.request_id AND i.mailbox = :'mailbox'))
       END;
SQL
)
# Sets `left` (not printed: a command substitution's subshell has no
# access to the session).
remaining() {
    printf '%s\n' "$remaining_sql" >&"${POLL[1]}"
    read -r -t 60 left <&"${POLL[0]}" || { echo "the polling session to PostgreSQL ended" >&2; exit 1; }
}

# The raw rate of the same Postfix: one SMTP connection (bash's /dev/tcp),
# mails of a reply's size, each waited for as dsrd waits for each; no
# database, no templates. Prints mails per second.
raw_smtp_rate() {
    local count=$1 port code line i started finished message last_line='^[0-9]{3}( |$)'
    port=$(jq -r '.smtp.url' "$DSRD_CONFIG" | sed -E 's|.*:([0-9]+)/?$|\1|')
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    reply() {
        code=000
        while IFS= read -r line <&3; do
            line=${line%$'\r'}
            if [[ "$line" =~ $last_line ]]; then code=${line:0:3}; return; fi
        done
    }
    message=$(printf 'From: notices@janteloppet.test\r\nTo: raw@sink.example.net\r\nSubject: Din personvernforespørsel\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n'
              for i in $(seq 1 36); do printf 'Takk for forespørselen din. Vi har søkt i systemene våre etter opplysninger.\r\n'; done)
    message+=$'\r\n.\r\n'
    reply
    printf 'EHLO bench.janteloppet.test\r\n' >&3; reply
    started=$(date +%s.%N)
    for i in $(seq 1 "$count"); do
        printf 'MAIL FROM:<notices@janteloppet.test>\r\n' >&3; reply; [ "$code" = 250 ] || break
        printf 'RCPT TO:<raw.%s@sink.example.net>\r\n' "$i" >&3; reply; [ "$code" = 250 ] || break
        printf 'DATA\r\n' >&3; reply; [ "$code" = 354 ] || break
        # The whole message and its final dot in one write: in pieces, the
        # last would wait for a delayed ACK (Nagle), some 40 ms a mail.
        printf '%s' "$message" >&3; reply; [ "$code" = 250 ] || break
    done
    finished=$(date +%s.%N)
    printf 'QUIT\r\n' >&3; reply
    exec 3>&-
    [ "$i" = "$count" ] && [ "$code" = 221 ] || { echo "raw SMTP client stopped at mail $i (reply $code)" >&2; return 1; }
    awk -v n="$count" -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", n / (b - a) }'
}

# The machine's busy CPU time (all processes: dsrd, PostgreSQL, Postfix,
# Dovecot, this script's polling; not time stolen by the hypervisor),
# from /proc/stat, in clock ticks.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
busy_before=$(busy_ticks)
started=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" "$DSRD" run --config "$work/config.json" 2> "$work/daemon.log" >/dev/null &
daemon=$!
while true; do
    sleep 0.25
    remaining
    [ "$left" -le 0 ] && break
    kill -0 "$daemon" 2>/dev/null || { echo "dsrd stopped early:" >&2; tail -n 20 "$work/daemon.log" >&2; exit 1; }
done
finished=$(date +%s.%N)
busy_after=$(busy_ticks)
stop_daemon
kill "$poll_pid" 2>/dev/null || true

seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.3f", b - a }')
printf 'messages        %d\n' "$N"
printf 'wall seconds    %.1f (to within the 0.25 s polling of this script)\n' "$seconds"
printf 'messages/s      %.1f (recorded, carried out, answered: every reply accepted by Postfix)\n' "$(awk -v n="$N" -v s="$seconds" 'BEGIN { print n / s }')"
mails=$(psql -X -Atq -v mailbox="$notices/INBOX" <<'SQL'
SELECT count(*) FROM dsr.outbox o WHERE o.state = 'sent' AND o.request_id IN
  (SELECT m.request_id FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id WHERE i.mailbox = :'mailbox');
SQL
)
raw=$(raw_smtp_rate 2000)
dsrd_mails=$(awk -v n="$mails" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')
printf 'replies sent    %d (%s mails/s)\n' "$mails" "$dsrd_mails"
printf 'raw SMTP        %s mails/s (2000 mails of a reply'"'"'s size on one connection to the same Postfix, measured just after)\n' "$raw"
printf 'ratio           %s (dsrd'"'"'s requests/s to the raw mails/s), %s (mails/s to mails/s)\n' \
    "$(awk -v n="$N" -v s="$seconds" -v r="$raw" 'BEGIN { printf "%.2f", n / s / r }')" \
    "$(awk -v d="$dsrd_mails" -v r="$raw" 'BEGIN { printf "%.2f", d / r }')"
ticks=$(getconf CLK_TCK)
printf 'CPU             %s ms a request on the whole machine (%s of %s cores busy), %s ms of it in dsrd\n' \
    "$(awk -v b=$((busy_after - busy_before)) -v t="$ticks" -v n="$N" 'BEGIN { printf "%.2f", b / t * 1000 / n }')" \
    "$(awk -v b=$((busy_after - busy_before)) -v t="$ticks" -v s="$seconds" 'BEGIN { printf "%.2f", b / t / s }')" "$(nproc)" \
    "$(awk -F': ' -v n="$N" '/User time|System time/ { c += $2 } END { printf "%.2f", c * 1000 / n }' "$work/time.txt")"
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
