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
STATE_DIR=$(mktemp -d)
trap 'rm -rf "$STATE_DIR"' EXIT

step "dsrd check-config ($DSRD_CONFIG)"
"$DSRD" check-config

step "dsrd migrate (twice: the second run has nothing to do)"
"$DSRD" migrate
"$DSRD" migrate

step "customer database (schema crm): what the sample holds"
psql -X -q -P pager=off -c "SELECT count(*) AS customers, count(*) FILTER (WHERE marketing_opt_out) AS opted_out,
    count(*) FILTER (WHERE NOT share_with_partners) AS not_shared FROM crm.customers"

# The four customers the sample requests come from, and Emma's orders.
show_customers() {
    psql -X -q -P pager=off -c "SELECT id, email, phone, share_with_partners AS shared, marketing_opt_out AS opted_out
        FROM crm.customers WHERE id <= 4 ORDER BY id"
    psql -X -q -P pager=off -c "SELECT o.order_number, o.customer_id, o.buyer_name, o.billing_address, o.card_last4,
            h.erasable_on AS held_until
        FROM crm.orders o LEFT JOIN dsr.holds h ON h.table_name = 'crm.orders' AND h.row_key ->> 'id' = o.id::text
        WHERE o.order_number IN ('JL-2024-00901', 'JL-2026-00903') ORDER BY 1"
}

step "before: the customers who write in (Kari: access, Emma: erasure, Ola: objection, Nils: new phone number)"
show_customers

# Waits (at most 5 s) until notices@ holds at least $1 messages.
wait_for_notices() {
    local i n
    for i in $(seq 1 50); do
        n=$(curl -sS -u "notices@janteloppet.test:$DSRD_TEST_MAIL_PASSWORD" "$DSRD_IMAP_URL/" \
            -X 'STATUS INBOX (MESSAGES)' | sed -n 's/.*MESSAGES \([0-9]*\).*/\1/p')
        [ "${n:-0}" -ge "$1" ] && return 0
        sleep 0.1
    done
}

step "sending the sample mail to notices@janteloppet.test over SMTP"
# The people's own mail servers sign it (DKIM, DMARC): the stack's MX writes
# a dmarc=pass Authentication-Results for the envelope sender mx-dmarc-pass@
# their domain, above its own Received line, as a real MX's check would.
for f in deploy/local/demo-mail/*.eml; do
    sender=$(sed -n 's/^From:.*<\(.*\)>.*/\1/p' "$f" | head -n 1)
    case "$(basename "$f")" in
        0[1-4]-*) envelope="mx-dmarc-pass@${sender#*@}" ;;
        *) envelope=$sender ;;
    esac
    curl -sS --url "$DSRD_SMTP_URL" --mail-from "$envelope" --mail-rcpt notices@janteloppet.test -T "$f"
    echo "  sent $(basename "$f")"
done
wait_for_notices 6

step "dsrd probe: what the daemon sees in PostgreSQL, IMAP and SMTP"
"$DSRD" probe

step "dsrd classify: what dsrd makes of each message (a dry run, no database)"
"$DSRD" classify deploy/local/demo-mail

step "dsrd run --once: intake records every message, fulfilment carries out what it may, delivery sends the replies"
"$DSRD" run --once

step "dsrd requests list: access and the authenticated objection are done; erasure and rectification wait for the code"
"$DSRD" requests list

step "the ledger: what intake made of each message"
psql -X -q -P pager=off -c "SELECT uid, outcome, auto_kind, moved_at IS NOT NULL AS moved FROM dsr.inbound
    WHERE mailbox = 'notices@janteloppet.test/INBOX' ORDER BY id"

# Prints the first raw message in $1's INBOX that contains $2.
fetch_mail() {
    local uid raw
    for uid in 1 2 3 4 5 6; do
        raw=$(curl -sS -u "$1:$DSRD_TEST_MAIL_PASSWORD" "$DSRD_IMAP_URL/INBOX/;UID=$uid" 2>/dev/null | tr -d '\r') || continue
        # A here-string, not a pipe: grep -q stops at the first match, and a
        # large mail (an access copy) would meet a closed pipe under pipefail.
        if grep -qF "$2" <<<"$raw"; then printf '%s\n' "$raw"; return 0; fi
    done
    return 1
}

step "the operators' daily digest (digest.address, after digest.hour): what is open and when it is due"
if digest=$(fetch_mail operators@janteloppet.test "Subject:"); then
    printf '%s\n' "$digest" | sed '1,/^$/d'
else
    echo "  (none yet: the digest goes once a day at or after digest.hour, 07:00 Oslo time)"
fi

step "an attack: Mallory asks to erase the data of 'his registered address' kari.nordmann@example.no"
printf 'From: Mallory <mallory@example.net>\r\nTo: notices@janteloppet.test\r\nSubject: Delete my data\r\nMessage-ID: <demo-attack@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease delete all the personal data you hold about me. My registered address is kari.nordmann@example.no.\r\n' > "$STATE_DIR/attack.eml"
curl -sS --url "$DSRD_SMTP_URL" --mail-from mallory@example.net --mail-rcpt notices@janteloppet.test -T "$STATE_DIR/attack.eml"
wait_for_notices 1
"$DSRD" run --once 2>/dev/null
kari_confirmation=$(fetch_mail kari.nordmann@example.no "Please confirm your privacy request")
echo "  Kari is asked to confirm; the message names who asked:"
printf '%s\n' "$kari_confirmation" | grep -A2 -i "sent from another e-mail address" | sed 's/^/    /' || true
kari_id=$(printf '%s\n' "$kari_confirmation" | sed -n 's/^Message-ID: *\(<[^>]*>\).*/\1/Ip' | head -n 1)
echo "  Mallory forges Kari's 'Yes.' answering that Message-ID ($kari_id), without the code"
printf 'From: kari.nordmann@example.no\r\nTo: notices@janteloppet.test\r\nSubject: Re: Please confirm your privacy request\r\nMessage-ID: <demo-forged@example.net>\r\nIn-Reply-To: %s\r\nReferences: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYes.\r\n' \
    "$kari_id" "$kari_id" > "$STATE_DIR/forged.eml"
curl -sS --url "$DSRD_SMTP_URL" --mail-from mallory@example.net --mail-rcpt notices@janteloppet.test -T "$STATE_DIR/forged.eml"
wait_for_notices 1
"$DSRD" run --once 2>/dev/null
attack_ref=$(psql -X -Atc "SELECT reference FROM dsr.requests WHERE requester_address = 'mallory@example.net'")
echo "  without the code nothing happens: the request waits for a person, and the operators were told"
"$DSRD" requests list --state needs_review
psql -X -q -P pager=off -c "SELECT id, email FROM crm.customers WHERE id = 1"
note=$(fetch_mail operators@janteloppet.test "$attack_ref" || true)
printf '%s\n' "$note" | sed '1,/^$/d' | sed -n '1,9p' | sed 's/^/    /'

step "the operator looks: a note on Mallory's request in its audit trail, and the queue (dsrd outbox list)"
"$DSRD" requests note "$attack_ref" "Forged: Kari did not write this; nothing was changed."
"$DSRD" requests show "$attack_ref" | sed -n '/^audit trail/,$p'
"$DSRD" outbox list --state all --limit 8

step "on someone's behalf: Lise asks to see what is held about her father; dsrd leaves that to a person and tells the operators at once"
printf 'From: Lise Hansen <lise.hansen@example.com>\r\nTo: notices@janteloppet.test\r\nSubject: Innsyn for min far\r\nMessage-ID: <demo-behalf@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei,\r\n\r\nJeg skriver på vegne av min far, Per Hansen (per.hansen@example.no). Han ber om innsyn i hvilke personopplysninger dere har om ham.\r\n\r\nHilsen Lise Hansen\r\n' > "$STATE_DIR/behalf.eml"
curl -sS --url "$DSRD_SMTP_URL" --mail-from lise.hansen@example.com --mail-rcpt notices@janteloppet.test -T "$STATE_DIR/behalf.eml"
wait_for_notices 1
"$DSRD" run --once 2>/dev/null
behalf_ref=$(psql -X -Atc "SELECT reference FROM dsr.requests WHERE requester_address = 'lise.hansen@example.com'")
note=$(fetch_mail operators@janteloppet.test "$behalf_ref" || true)
printf '%s\n' "$note" | sed -n 's/^Subject: */  operators@ got: /p' | head -n 1
printf '%s\n' "$note" | sed '1,/^$/d' | sed -n '1,9p' | sed 's/^/    /'

step "the officer handles it by hand (Per's authorisation checked by phone, no data about him, Lise answered by letter) and closes it"
"$DSRD" requests complete "$behalf_ref" --no-reply \
    --note "Authorisation from Per Hansen checked by phone; no customer record for him; answered Lise by letter."
"$DSRD" requests show "$behalf_ref" | sed -n '/^audit trail/,$p'

step "Emma and Nils answer the confirmation message from their own mailboxes"
for who in emma.smith@example.org nils.berg@example.net; do
    confirmation=$(fetch_mail "$who" "Please confirm your privacy request")
    code=$(printf '%s\n' "$confirmation" | grep -oE '[0-9A-Z]{4}(-[0-9A-Z]{4}){6}' | head -n 1)
    id=$(printf '%s\n' "$confirmation" | sed -n 's/^Message-ID: *\(<[^>]*>\).*/\1/Ip' | head -n 1)
    subject=$(printf '%s\n' "$confirmation" | sed -n 's/^Subject: *//p' | head -n 1)
    printf 'From: %s\r\nTo: notices@janteloppet.test\r\nSubject: Re: %s\r\nMessage-ID: <demo-confirm-%s>\r\nIn-Reply-To: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYes, that was me. Please go ahead.\r\n\r\n> %s\r\n' \
        "$who" "$subject" "$who" "$id" "$code" > "$STATE_DIR/confirm.eml"
    curl -sS --url "$DSRD_SMTP_URL" --mail-from "$who" --mail-rcpt notices@janteloppet.test -T "$STATE_DIR/confirm.eml"
    echo "  $who confirmed with the code from the message (${#code} characters)"
done
wait_for_notices 2

step "dsrd run --once: the confirmations are read, the erasure and the correction carried out"
"$DSRD" run --once

step "dsrd requests list: every request answered"
"$DSRD" requests list

step "after: Emma is gone but for her orders, kept (stripped) for the Bookkeeping Act; Ola no longer shared or mailed; Nils has his new number"
show_customers

step "Kari's access reply: its two attachments (a page to read, the same copy as JSON) and the first lines of the JSON"
access=$(fetch_mail kari.nordmann@example.no 'filename="dsr-export-')
printf '%s\n' "$access" | sed -n 's/^Subject: */  Subject: /p' | sed -n '1p'
printf '%s\n' "$access" | sed -n 's/.*filename="\(dsr-export-[^"]*\)".*/  attachment: \1/p'
# Every stage reads its whole input (no early exit), so no writer meets a closed pipe.
printf '%s\n' "$access" \
    | awk '/filename="dsr-export-.*\.json"/ {found=1} found && /^$/ {body=1; next} body && /^--/ {found=0; body=0} body {print}' \
    | base64 -d | jq '{reference, controller, categories: [.categories[] | {table, row_count}], disclosures}' | sed -n '1,60p'

step "replies in the senders' mailboxes (subjects as sent, RFC 2047-encoded; none to the out-of-office or the bounce)"
for sender in $(sed -n 's/^From:.*<\(.*\)>.*/\1/p' deploy/local/demo-mail/*.eml | sort -u); do
    subjects=""
    for uid in 1 2 3 4 5; do
        line=$(curl -sS -u "$sender:$DSRD_TEST_MAIL_PASSWORD" \
            "$DSRD_IMAP_URL/INBOX/;UID=$uid;SECTION=HEADER.FIELDS%20(SUBJECT)" 2>/dev/null | tr -d '\r' | grep -i '^Subject:' || true)
        [ -n "$line" ] && subjects+="    $line"$'\n'
    done
    printf '  %s\n%s' "$sender" "${subjects:-    (no reply)$'\n'}"
done

step "notices to the partners that had received the data (Art. 19; after an objection only: do not use the list)"
psql -X -q -P pager=off -c "SELECT r.reference, o.recipients, o.state FROM dsr.outbox o JOIN dsr.requests r ON r.id = o.request_id
    WHERE o.template = 'partner_notice' ORDER BY o.id"

# Once its reply was accepted, Emma's erasure removed her from dsrd's own
# records too: it is found by its audit event, not by her address.
ref=$(psql -X -Atc "SELECT r.reference FROM dsr.requests r WHERE EXISTS (SELECT 1 FROM dsr.audit_events e
    WHERE e.request_id = r.id AND e.action = 'own_records_erased') ORDER BY r.id LIMIT 1")
if [ -n "$ref" ]; then
    step "dsrd requests show $ref: Emma's erasure, answered: her address is a keyed hash now, her mail's bytes are gone, the audit trail stays"
    "$DSRD" requests show "$ref"
    step "what dsr still holds of her: hashes, sizes and dates (a data-only dump of schema dsr finds no emma.smith)"
    psql -X -q -P pager=off -c "SELECT 'inbound' AS mail, id, from_address AS address, size_bytes, octet_length(raw) AS stored
        FROM dsr.inbound WHERE raw_cleared_at IS NOT NULL AND from_address !~ '@'
        UNION ALL SELECT 'outbox', id, array_to_string(recipients, ','), size_bytes, octet_length(raw) FROM dsr.outbox
        WHERE request_id IN (SELECT id FROM dsr.requests WHERE reference = '$ref') ORDER BY 1, 2"
    PGUSER=$DSRD_PG_OWNER PGPASSWORD=$DSRD_PG_OWNER_PASSWORD pg_dump --data-only --schema=dsr | grep -ci 'emma.smith' \
        | sed 's/^/  lines mentioning emma.smith in the dump: /' || true
fi

printf '\nThe stack keeps running: deploy/local/stack.sh status | down | reset\n'
