#!/usr/bin/env bash
# The local stack dsrd's demo and tests run against: a private PostgreSQL
# cluster, Dovecot (IMAP, IMAPS, LMTP) and Postfix (SMTP delivering into
# Dovecot), all on 127.0.0.1 and high ports, all state under .local-stack/.
#
#   stack.sh up      install what is missing, start what is not running,
#                    create the customer database when absent, print exports
#   stack.sh down    stop what up started
#   stack.sh status  say what runs
#   stack.sh reset   recreate the customer database and the dsr schema with
#                    the sample data, and empty every mailbox
#   stack.sh env     print the exports only (the stack must be up)
#
# Every address at janteloppet.test, example.com, example.no, example.org and
# example.net has a mailbox, readable over IMAP with one test password; mail
# to sink.example.net is accepted and discarded (for benchmarks).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SQL_DIR="$REPO/deploy/local/sql"
PG_BIN=/usr/lib/postgresql/15/bin

PG_PORT=${DSRD_STACK_PG_PORT:-55432}
IMAP_PORT=${DSRD_STACK_IMAP_PORT:-14143}
IMAPS_PORT=${DSRD_STACK_IMAPS_PORT:-14993}
SMTP_PORT=${DSRD_STACK_SMTP_PORT:-12525}
TEST_DOMAINS="janteloppet.test example.com example.no example.org example.net"
MAIL_USER=dsrdmail
DB_NAME=janteloppet
# Two roles, as in production (README, "Two database roles"): dsrd is the
# daemon's, and PGUSER in the exports; dsrd_owner owns schema dsr and is
# used only by `dsrd migrate`.
DB_USER=dsrd
# The privacy officers' read/decide role (a group without login) and one
# officer's login in it (README: "The operators' database role").
DB_OPERATOR_ROLE=dsrd_operator
DB_OFFICER=dsrd_officer
DB_OWNER=dsrd_owner

log() { printf 'stack: %s\n' "$*" >&2; }
die() { printf 'stack: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it installs packages and starts servers)"

# PostgreSQL refuses a data directory under a parent it cannot traverse
# (such as /root, 0700): keep the state in the repository when the server
# users can reach it, otherwise in /var/lib with a link in the repository.
state_dir() {
    local inside="$REPO/.local-stack"
    if [ -L "$inside" ]; then readlink -f "$inside"; return; fi
    if [ -d "$inside" ]; then echo "$inside"; return; fi
    if id postgres >/dev/null 2>&1 && runuser -u postgres -- test -x "$REPO" 2>/dev/null; then
        echo "$inside"
    else
        echo "/var/lib/dsrd-local-stack/$(printf '%s' "$REPO" | md5sum | cut -c1-12)"
    fi
}

# --- packages -----------------------------------------------------------

install_packages() {
    local wanted="postgresql dovecot-imapd dovecot-lmtpd postfix libcurl4-openssl-dev libpq-dev pkg-config openssl ca-certificates curl jq"
    local missing=()
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    # Keep package scripts from starting the system-wide daemons: the stack
    # runs its own private instances.
    local made_policy=no
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=yes
    fi
    echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ "$made_policy" = yes ] && rm -f /usr/sbin/policy-rc.d
    return 0
}

ensure_mail_user() {
    id "$MAIL_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$MAIL_USER"
}

# --- secrets ------------------------------------------------------------

secret() { # name -> prints the secret, creating it on first use
    local file="$STATE/secrets/$1"
    if [ ! -s "$file" ]; then
        mkdir -p "$STATE/secrets"
        chmod 755 "$STATE/secrets"
        openssl rand -hex 16 > "$file"
        chmod 644 "$file"
    fi
    cat "$file"
}

# --- PostgreSQL ---------------------------------------------------------

pg() { runuser -u postgres -- "$@"; }

pg_running() { [ -f "$STATE/pg/data/PG_VERSION" ] && pg "$PG_BIN/pg_ctl" -D "$STATE/pg/data" status >/dev/null 2>&1; }

pg_up() {
    if [ ! -f "$STATE/pg/data/PG_VERSION" ]; then
        mkdir -p "$STATE/pg/data" "$STATE/pg/run"
        chown -R postgres:postgres "$STATE/pg"
        chmod 700 "$STATE/pg/data"
        pg "$PG_BIN/initdb" -D "$STATE/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >/dev/null
        cat >> "$STATE/pg/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$STATE/pg/run'
fsync = on
log_min_messages = warning
EOF
    fi
    if ! pg_running; then
        pg "$PG_BIN/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/server.log" -w -t 30 start >/dev/null
    fi
    local pw; pw=$(secret pg-password)
    psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'" | grep -q 1 \
        || psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$pw'" >/dev/null
    psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_OPERATOR_ROLE'" | grep -q 1 \
        || psql_admin -c "CREATE ROLE $DB_OPERATOR_ROLE NOLOGIN" >/dev/null
    local officer_pw; officer_pw=$(secret officer-pg-password)
    psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_OFFICER'" | grep -q 1 \
        || psql_admin -c "CREATE ROLE $DB_OFFICER LOGIN PASSWORD '$officer_pw' IN ROLE $DB_OPERATOR_ROLE" >/dev/null
    local owner_pw; owner_pw=$(secret pg-owner-password)
    psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_OWNER'" | grep -q 1 \
        || psql_admin -c "CREATE ROLE $DB_OWNER LOGIN PASSWORD '$owner_pw'" >/dev/null
    # The owner may act as the daemon's role (never the other way round):
    # that lets `dsrd migrate` take over a dsr schema the daemon's role
    # created before there were two roles.
    psql_admin -tAc "SELECT pg_has_role('$DB_OWNER', '$DB_USER', 'MEMBER')" | grep -q t \
        || psql_admin -c "GRANT $DB_USER TO $DB_OWNER" >/dev/null
    if ! psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
        create_database
    fi
    grant_owner
}

# The owner role creates schema dsr in the database.
grant_owner() {
    psql_admin -c "GRANT CONNECT, CREATE ON DATABASE $DB_NAME TO $DB_OWNER" >/dev/null
}

psql_admin() { pg psql -X -q -v ON_ERROR_STOP=1 -h "$STATE/pg/run" -p "$PG_PORT" -U postgres -d postgres "$@"; }

create_database() {
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null
    local f
    for f in "$SQL_DIR/crm-schema.sql" "$SQL_DIR/crm-sample.sql"; do
        [ -f "$f" ] || die "missing $f"
        PGPASSWORD=$(secret pg-password) psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
            -U "$DB_USER" -d "$DB_NAME" -f "$f" >/dev/null
    done
    log "created database $DB_NAME with the sample customers"
}

pg_down() { pg_running && pg "$PG_BIN/pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null || true; }

# --- Dovecot ------------------------------------------------------------

dovecot_conf() { echo "$STATE/dovecot/dovecot.conf"; }

dovecot_running() { [ -f "$STATE/dovecot/run/master.pid" ] && kill -0 "$(cat "$STATE/dovecot/run/master.pid")" 2>/dev/null; }

dovecot_up() {
    local d="$STATE/dovecot" uid gid
    uid=$(id -u "$MAIL_USER"); gid=$(id -g "$MAIL_USER")
    mkdir -p "$d/run" "$d/state" "$STATE/mail"
    chown "$MAIL_USER:$MAIL_USER" "$STATE/mail"
    if [ ! -f "$d/cert.pem" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$d/key.pem" -out "$d/cert.pem" >/dev/null 2>&1
        chmod 600 "$d/key.pem"; chmod 644 "$d/cert.pem"
    fi
    local pw; pw=$(secret mail-password)
    cat > "$d/dovecot.conf.new" <<EOF
# Generated by deploy/local/stack.sh: a private Dovecot for dsrd's local stack.
base_dir = $d/run
state_dir = $d/state
log_path = $d/dovecot.log
info_log_path = $d/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <$d/cert.pem
ssl_key = <$d/key.pem
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_format = %Lu
mail_location = maildir:$STATE/mail/%d/%n/Maildir
first_valid_uid = $uid
last_valid_uid = $uid
mail_uid = $uid
mail_gid = $gid
default_internal_user = dovecot
default_login_user = dovenull
lmtp_save_to_detail_mailbox = no
recipient_delimiter =
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service lmtp {
  unix_listener $d/lmtp {
    mode = 0666
  }
}
passdb {
  driver = static
  args = password=$pw
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$STATE/mail/%d/%n
}
EOF
    if ! cmp -s "$d/dovecot.conf.new" "$d/dovecot.conf"; then
        mv "$d/dovecot.conf.new" "$d/dovecot.conf"
        dovecot_running && { dovecot_down; }
    else
        rm -f "$d/dovecot.conf.new"
    fi
    if ! dovecot_running; then
        dovecot -c "$d/dovecot.conf" </dev/null >/dev/null 2>&1 || die "dovecot did not start (see $d/dovecot.log)"
    fi
}

dovecot_down() {
    if dovecot_running; then
        doveadm -c "$(dovecot_conf)" stop >/dev/null 2>&1 || kill "$(cat "$STATE/dovecot/run/master.pid")" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do dovecot_running || break; sleep 0.1; done
    fi
}

# --- Postfix ------------------------------------------------------------

postfix_dir() { echo "$STATE/postfix"; }

postfix_running() { postfix -c "$(postfix_dir)" status >/dev/null 2>&1; }

postfix_up() {
    local d; d=$(postfix_dir)
    mkdir -p "$d/queue" "$d/data"
    chown postfix:postfix "$d/data"
    local domains; domains=$(echo "$TEST_DOMAINS" | tr ' ' ',')
    cat > "$d/main.cf.new" <<EOF
# Generated by deploy/local/stack.sh: a private Postfix for dsrd's local stack.
compatibility_level = 3.6
queue_directory = $d/queue
data_directory = $d/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.janteloppet.test
mydomain = janteloppet.test
myorigin = janteloppet.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
# Only the test domains: nothing is relayed anywhere else.
smtpd_relay_restrictions = reject_unauth_destination
default_transport = error:the local stack delivers to the test domains only
relay_transport = error:the local stack delivers to the test domains only
# Two addresses the tests use to see a temporary and a permanent refusal.
smtpd_recipient_restrictions = check_recipient_access inline:{ {tempfail@example.net = 450 4.2.0 Try again later}, {rejected@example.net = 550 5.1.1 No such user} }
# The MX writes sender authentication results itself, as a receiving MX
# with SPF, DKIM and DMARC checks would: the envelope sender picks the
# result (see authentication-results). PREPEND puts the header above
# Postfix's own Received line. Incoming headers with this id are NOT
# removed here, so that tests show dsrd itself ignores them.
smtpd_sender_restrictions = check_sender_access regexp:$d/authentication-results
virtual_mailbox_domains = $domains, sink.example.net
virtual_transport = lmtp:unix:$STATE/dovecot/lmtp
# Mail to sink.example.net is accepted and then discarded, not stored: the
# backlog benchmark's senders live there, so that its figures measure
# dsrd and Postfix's acceptance, not Dovecot filing thousands of replies.
transport_maps = inline:{ {sink.example.net = discard:} }
alias_maps =
alias_database =
local_recipient_maps =
relayhost =
biff = no
append_dot_mydomain = no
message_size_limit = 52428800
# A private test stack: retry soon after Dovecot was restarted (reset), do
# not suspend local delivery for the default minute.
transport_retry_time = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 10s
queue_run_delay = 1s
smtputf8_enable = yes
maillog_file_prefixes = $d
maillog_file = $d/maillog
EOF
    # Envelope senders mx-dmarc-pass@, mx-dmarc-fail@ and mx-no-dmarc@ a
    # domain get the MX's verdict for that domain; any other sender none.
    cat > "$d/authentication-results.new" <<'EOF'
/^mx-dmarc-pass@(.+)$/ PREPEND Authentication-Results: mx.janteloppet.test; spf=pass smtp.mailfrom=$1; dkim=pass header.d=$1; dmarc=pass header.from=$1
/^mx-dmarc-fail@(.+)$/ PREPEND Authentication-Results: mx.janteloppet.test; spf=fail smtp.mailfrom=$1; dkim=none; dmarc=fail header.from=$1
/^mx-no-dmarc@(.+)$/ PREPEND Authentication-Results: mx.janteloppet.test; spf=fail smtp.mailfrom=$1; dkim=none; dmarc=none header.from=$1
EOF
    sed -e 's/^smtp\( \+\)inet/#&/' -e 's/^\([a-z]\+ \+[a-z-]\+ \+[-ny] \+[-ny] \+\)[-y]\( \)/\1n\2/' \
        /usr/share/postfix/master.cf.dist > "$d/master.cf.new"
    cat >> "$d/master.cf.new" <<EOF
127.0.0.1:$SMTP_PORT inet n - n - - smtpd
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
    local changed=no
    cmp -s "$d/main.cf.new" "$d/main.cf" || { mv "$d/main.cf.new" "$d/main.cf"; changed=yes; }
    cmp -s "$d/master.cf.new" "$d/master.cf" || { mv "$d/master.cf.new" "$d/master.cf"; changed=yes; }
    cmp -s "$d/authentication-results.new" "$d/authentication-results" \
        || { mv "$d/authentication-results.new" "$d/authentication-results"; changed=yes; }
    rm -f "$d/main.cf.new" "$d/master.cf.new" "$d/authentication-results.new"
    if [ "$changed" = yes ] && postfix_running; then postfix -c "$d" stop >/dev/null 2>&1 || true; fi
    if ! postfix_running; then
        postfix -c "$d" set-permissions >/dev/null 2>&1 || true
        postfix -c "$d" start >/dev/null 2>&1 || die "postfix did not start (see $d/maillog)"
    fi
}

postfix_down() { postfix_running && postfix -c "$(postfix_dir)" stop >/dev/null 2>&1 || true; }

# --- waiting and reporting -----------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ports() {
    local p i
    for p in "$PG_PORT" "$IMAP_PORT" "$IMAPS_PORT" "$SMTP_PORT"; do
        for i in $(seq 1 100); do port_open "$p" && break; sleep 0.1; done
        port_open "$p" || die "nothing answers on 127.0.0.1:$p"
    done
}

write_config() {
    local f="$STATE/dsrd.json"
    cat > "$f.new" <<EOF
{
  "imap": {
    "url": "imap://127.0.0.1:$IMAP_PORT",
    "mailbox": "INBOX",
    "username": "notices@janteloppet.test",
    "password": { "file": "$STATE/secrets/mail-password" },
    "tls": "none",
    "timeout_seconds": 30
  },
  "smtp": {
    "url": "smtp://127.0.0.1:$SMTP_PORT",
    "tls": "none",
    "timeout_seconds": 30
  },
  "sender": "notices@janteloppet.test",
  "postgres": {
    "host": "127.0.0.1",
    "port": $PG_PORT,
    "database": "$DB_NAME",
    "user": "$DB_USER",
    "password": { "file": "$STATE/secrets/pg-password" },
    "migration_user": "$DB_OWNER",
    "migration_password": { "file": "$STATE/secrets/pg-owner-password" },
    "sslmode": "disable",
    "connect_timeout_seconds": 10
  },
  "poll_interval_seconds": 5,
  "delivery": { "receipt_grace_seconds": 0 },
  "templates_dir": "$REPO/Templates",
  "data_map": "$REPO/deploy/datamap.json",
  "organisation": { "name": "Janteloppet AS", "dpo_address": "personvern@janteloppet.test" },
  "log_id_key": { "file": "$STATE/secrets/log-id-key" },
  "suppression_key": { "file": "$STATE/secrets/suppression-key" },
  "identity": { "trusted_authserv_ids": ["mx.janteloppet.test"] },
  "limits": { "sender_requests": 1000, "global_requests": 100000, "global_unauthenticated_requests": 100000,
              "claims_per_address": 1000 },
  "digest": { "address": "operators@janteloppet.test", "hour": 7 },
  "operators": { "max_alerts_per_hour": 100000 },
  "log_level": "info"
}
EOF
    secret log-id-key >/dev/null
    secret suppression-key >/dev/null
    mv "$f.new" "$f"
}

print_env() {
    cat <<EOF
export DSRD_CONFIG=$STATE/dsrd.json
export PGHOST=127.0.0.1
export PGPORT=$PG_PORT
export PGUSER=$DB_USER
export PGPASSWORD=$(secret pg-password)
export PGDATABASE=$DB_NAME
export DSRD_PG_OWNER=$DB_OWNER
export DSRD_PG_OWNER_PASSWORD=$(secret pg-owner-password)
export DSRD_IMAP_URL=imap://127.0.0.1:$IMAP_PORT
export DSRD_IMAPS_URL=imaps://127.0.0.1:$IMAPS_PORT
export DSRD_IMAP_CA_FILE=$STATE/dovecot/cert.pem
export DSRD_SMTP_URL=smtp://127.0.0.1:$SMTP_PORT
export DSRD_TEST_MAIL_PASSWORD=$(secret mail-password)
export DSRD_STACK_STATE=$STATE
EOF
}

empty_mailboxes() {
    local was_running=no
    dovecot_running && { was_running=yes; dovecot_down; }
    find "$STATE/mail" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    [ "$was_running" = yes ] && dovecot_up
    # Mail that Postfix could not hand over while Dovecot was down goes now.
    postfix_running && postqueue -c "$(postfix_dir)" -f >/dev/null 2>&1
    return 0
}

# --- commands -----------------------------------------------------------

cmd=${1:-up}
STATE=$(state_dir)

case "$cmd" in
    up)
        install_packages
        ensure_mail_user
        if [ "$STATE" != "$REPO/.local-stack" ]; then
            mkdir -p "$STATE"; ln -sfn "$STATE" "$REPO/.local-stack"
        fi
        mkdir -p "$STATE"; chmod 755 "$STATE"
        pg_up
        dovecot_up
        postfix_up
        wait_ports
        write_config
        print_env
        ;;
    down)
        postfix_down; dovecot_down; pg_down
        log "stopped"
        ;;
    status)
        rc=0
        if pg_running; then echo "postgresql: running on 127.0.0.1:$PG_PORT"; else echo "postgresql: stopped"; rc=3; fi
        if dovecot_running; then echo "dovecot: running on 127.0.0.1:$IMAP_PORT (imap), :$IMAPS_PORT (imaps)"; else echo "dovecot: stopped"; rc=3; fi
        if postfix_running; then echo "postfix: running on 127.0.0.1:$SMTP_PORT"; else echo "postfix: stopped"; rc=3; fi
        exit $rc
        ;;
    reset)
        pg_running || die "the stack is not up: run '$0 up' first"
        psql_admin -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
        create_database
        grant_owner
        empty_mailboxes
        log "reset: customer database recreated (no dsr schema until 'dsrd migrate'), mailboxes emptied"
        ;;
    env)
        pg_running || die "the stack is not up: run '$0 up' first"
        print_env
        ;;
    *)
        die "usage: $0 up|down|status|reset|env"
        ;;
esac
