#!/usr/bin/env bash
# The demo: dsrd on the local stack. Builds dsrd, brings PostgreSQL, Dovecot
# and Postfix up, starts from a clean customer database and empty mailboxes,
# migrates dsrd's schema, drops sample mail into notices@ over SMTP, and
# shows what dsrd sees there and what it makes of each message.
# Run as root on Debian 12.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
export PATH="/opt/swift/usr/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "local stack (PostgreSQL, Dovecot, Postfix on 127.0.0.1)"
eval "$(deploy/local/stack.sh up)"
deploy/local/stack.sh status
deploy/local/stack.sh reset

step "build dsrd"
swift build -j 2 --product dsrd 2>&1 | tail -n 1
DSRD="$REPO/.build/debug/dsrd"

step "dsrd check-config ($DSRD_CONFIG)"
"$DSRD" check-config

step "dsrd migrate (twice: the second run has nothing to do)"
"$DSRD" migrate
"$DSRD" migrate

step "customer database (schema crm): what the sample holds"
psql -X -q -P pager=off -c "SELECT count(*) AS customers, count(*) FILTER (WHERE marketing_opt_out) AS opted_out,
    count(*) FILTER (WHERE NOT share_with_partners) AS not_shared FROM crm.customers"
psql -X -q -P pager=off -c "SELECT extract(year FROM ordered_at)::int AS year, count(*) AS orders
    FROM crm.orders GROUP BY 1 ORDER BY 1"

step "sending the sample mail to notices@janteloppet.test over SMTP"
for f in deploy/local/demo-mail/*.eml; do
    sender=$(sed -n 's/^From:.*<\(.*\)>.*/\1/p' "$f" | head -n 1)
    curl -sS --url "$DSRD_SMTP_URL" --mail-from "$sender" --mail-rcpt notices@janteloppet.test -T "$f"
    echo "  sent $(basename "$f")"
done
for i in $(seq 1 50); do
    n=$(curl -sS -u "notices@janteloppet.test:$DSRD_TEST_MAIL_PASSWORD" "$DSRD_IMAP_URL/" \
        -X 'STATUS INBOX (MESSAGES)' | sed -n 's/.*MESSAGES \([0-9]*\).*/\1/p')
    [ "${n:-0}" -ge 6 ] && break
    sleep 0.1
done

step "dsrd probe: what the daemon sees in PostgreSQL, IMAP and SMTP"
"$DSRD" probe

step "dsrd classify: what dsrd makes of each message (a dry run, no database)"
"$DSRD" classify deploy/local/demo-mail

step "dsrd run --once: intake records every message, triage opens requests, delivery sends the receipts"
"$DSRD" run --once

step "dsrd requests list: each request and its state"
"$DSRD" requests list

step "the ledger: what intake made of each message"
psql -X -q -P pager=off -c "SELECT uid, outcome, auto_kind, moved_at IS NOT NULL AS moved FROM dsr.inbound
    WHERE mailbox = 'notices@janteloppet.test/INBOX' ORDER BY id"

step "replies delivered into the senders' mailboxes (subjects as sent, RFC 2047-encoded; none to the out-of-office or the bounce)"
for sender in $(sed -n 's/^From:.*<\(.*\)>.*/\1/p' deploy/local/demo-mail/*.eml | sort -u); do
    subjects=""
    for uid in 1 2 3; do
        line=$(curl -sS -u "$sender:$DSRD_TEST_MAIL_PASSWORD" \
            "$DSRD_IMAP_URL/INBOX/;UID=$uid;SECTION=HEADER.FIELDS%20(SUBJECT)" 2>/dev/null | tr -d '\r' | grep -i '^Subject:' || true)
        [ -n "$line" ] && subjects+="    $line"$'\n'
    done
    printf '  %s\n%s' "$sender" "${subjects:-    (no reply)$'\n'}"
done

ref=$("$DSRD" requests list --json | head -n 1 | sed -n 's/.*"reference": *"\([^"]*\)".*/\1/p')
if [ -n "$ref" ]; then
    step "dsrd requests show $ref: the request, its messages and its audit trail"
    "$DSRD" requests show "$ref"
fi

printf '\nThe stack keeps running: deploy/local/stack.sh status | down | reset\n'
