#!/usr/bin/env bash
# Reading benchmark: `dsrd classify --json` as a whole process (read the
# files, parse, decode, classify, print a JSON line each) over copies of
# the evaluation mail in Tests/Evaluation (HTML-only, quoted-printable,
# base64, legacy charsets, attachments, forwards), beside GMime 3.2 reading
# the same files (parse, walk every part, decode each text part; the C
# reference bench-reading-gmime.c, built here; dsrd never links GMime).
# Prints mails per second for both, their ratio and peak memory: three
# runs each, in turn, and the median; then the time and memory of one
# hostile mail of 25 MiB of short lines (plain text, then HTML). dsrd
# classify reads the files on every core; the GMime reference on one, so
# the CPU time (user + system) of each is printed too.
# Usage, as root on Debian 12: deploy/local/bench-reading.sh [COPIES]
#   (default 31: 330 messages × 31 = 10,230 files)
# [DSRD_BINARY=PATH] to time another build of dsrd.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
export PATH="/opt/swift/usr/bin:$PATH"
COPIES=${1:-31}
[[ "$COPIES" =~ ^[0-9]+$ ]] && [ "$COPIES" -ge 1 ] || { echo "usage: $0 [COPIES]" >&2; exit 2; }

missing=""
command -v /usr/bin/time >/dev/null || missing+=" time"
pkg-config --exists gmime-3.0 2>/dev/null || missing+=" libgmime-3.0-dev"
command -v cc >/dev/null || missing+=" gcc"
[ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
if [ -n "${DSRD_BINARY:-}" ]; then
    DSRD=$DSRD_BINARY
else
    swift build -c release -j 2 --product dsrd 2>&1 | tail -n 1
    DSRD="$REPO/.build/release/dsrd"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/gmime-read" deploy/local/bench-reading-gmime.c $(pkg-config --cflags --libs gmime-3.0)
for copy in $(seq 1 "$COPIES"); do
    mkdir -p "$work/mail/$copy"
    for file in Tests/Evaluation/understanding/*/*.eml; do
        lang=$(basename "$(dirname "$file")")
        cp "$file" "$work/mail/$copy/$lang-$(basename "$file")"
    done
done
find "$work/mail" -name '*.eml' | sort > "$work/list"
files=$(wc -l < "$work/list")
bytes=$(cat $(cat "$work/list") | wc -c)
echo "mail: $files files, $((bytes / 1024)) KiB (read once first, so both read from the page cache)"

run() {  # NAME COMMAND...: one timed run; appends "seconds peak_kib cpu_seconds" to $work/NAME
    local name=$1; shift
    /usr/bin/time -f '%e %M %U %S' -o "$work/$name.one" "$@" > "$work/$name.out"
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/$name.one" >> "$work/$name"
}
for _ in 1 2 3; do
    run dsrd "$DSRD" classify --json "$work/mail"
    run gmime sh -c "exec '$work/gmime-read' < '$work/list'"
done
[ "$(grep -c '"kinds"' "$work/dsrd.out")" -eq "$files" ] || { echo "dsrd classify did not read every file" >&2; exit 1; }
grep -q "^$files messages read, 0 failed" "$work/gmime.out" || { echo "GMime did not read every file: $(cat "$work/gmime.out")" >&2; exit 1; }
median() { sort -n | sed -n 2p; }
d=$(cut -d' ' -f1 "$work/dsrd" | median); g=$(cut -d' ' -f1 "$work/gmime" | median)
printf 'dsrd classify   %s s, %s mails/s, peak RSS %s MB, CPU %s s (runs: %s)\n' "$d" \
    "$(awk -v n="$files" -v s="$d" 'BEGIN { printf "%.0f", n / s }')" \
    "$(cut -d' ' -f2 "$work/dsrd" | median | awk '{ printf "%.1f", $1 / 1024 }')" \
    "$(cut -d' ' -f3 "$work/dsrd" | median)" "$(cut -d' ' -f1 "$work/dsrd" | tr '\n' ' ')"
printf 'GMime 3.2       %s s, %s mails/s, peak RSS %s MB, CPU %s s (runs: %s)\n' "$g" \
    "$(awk -v n="$files" -v s="$g" 'BEGIN { printf "%.0f", n / s }')" \
    "$(cut -d' ' -f2 "$work/gmime" | median | awk '{ printf "%.1f", $1 / 1024 }')" \
    "$(cut -d' ' -f3 "$work/gmime" | median)" "$(cut -d' ' -f1 "$work/gmime" | tr '\n' ' ')"
printf 'ratio           %s (dsrd mails/s to GMime mails/s; 1 or more meets the goal)\n' \
    "$(awk -v d="$d" -v g="$g" 'BEGIN { printf "%.2f", g / d }')"

# A hostile mail: 25 MiB of short lines in one text part (and once as HTML).
for type in plain html; do
    {
        printf 'From: Kari Nordmann <kari@example.no>\r\nTo: notices@janteloppet.test\r\nSubject: Slett meg\r\n'
        printf 'Message-ID: <hostile-%s@example.no>\r\nMIME-Version: 1.0\r\nContent-Type: text/%s; charset=utf-8\r\n\r\n' "$type" "$type"
        if [ "$type" = plain ]; then line='a b c slett'; else line='<p>a b c slett</p>'; fi
        awk -v line="$line" -v n=$((25 * 1024 * 1024 / (${#line} + 2))) 'BEGIN { for (i = 0; i < n; i++) printf "%s\r\n", line }'
    } > "$work/hostile-$type.eml"
    /usr/bin/time -f '%e %M' -o "$work/hostile.time" "$DSRD" classify "$work/hostile-$type.eml" > /dev/null
    read -r seconds kib < "$work/hostile.time"
    printf 'hostile %-7s %s MiB of short lines: %s s, peak RSS %s MB\n' "$type" \
        "$(( $(wc -c < "$work/hostile-$type.eml") / 1024 / 1024 ))" "$seconds" "$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')"
done
