#!/usr/bin/env bash
# Fuzzing of the reader and the classifier: random and mutated messages
# (the seeds in Tests/RequestsTests, up to 256 KB each) through reading,
# classification and the identity checks, as intake runs them; nothing may
# crash or hang. Runs FuzzIntakeTests in a release build with many more
# inputs than the test suite does, in several processes with their own
# seeds, one per core. No PostgreSQL or mail server is needed.
# Usage: deploy/local/fuzz.sh [INPUTS]   (default 1000000)
# DSRD_FUZZ_SEED_BASE (default 25715) picks other inputs, so that a long run
# can be made of shorter ones that each report.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
export PATH="/opt/swift/usr/bin:$PATH"
INPUTS=${1:-1000000}
[[ "$INPUTS" =~ ^[0-9]+$ ]] && [ "$INPUTS" -ge 1 ] || { echo "usage: $0 [INPUTS]" >&2; exit 2; }
JOBS=$(nproc)
SCRATCH=${DSRD_FUZZ_BUILD:-$REPO/.build-fuzz}
swift build -c release -Xswiftc -enable-testing --build-tests --scratch-path "$SCRATCH" -j "$JOBS" 2>&1 | tail -n 1
# The test bundle is run directly: `swift test` holds a lock on the scratch
# folder, which would make the processes take turns.
BUNDLE="$(swift build -c release -Xswiftc -enable-testing --scratch-path "$SCRATCH" --show-bin-path)/dsrdPackageTests.xctest"
started=$(date +%s)
pids=()
for job in $(seq 1 "$JOBS"); do
    count=$(( INPUTS / JOBS + (job <= INPUTS % JOBS ? 1 : 0) ))
    DSRD_FUZZ_ITERATIONS=$count DSRD_FUZZ_SEED=$(( ${DSRD_FUZZ_SEED_BASE:-$((0x6473))} * 1000 + job )) \
        "$BUNDLE" --testing-library swift-testing \
        --filter 'FuzzIntakeTests/randomAndMutatedMessagesNeverCrash' > "$SCRATCH/fuzz-$job.log" 2>&1 &
    pids+=($!)
done
failed=0
for job in $(seq 1 "$JOBS"); do
    if wait "${pids[$((job - 1))]}" && grep -q "Test run with 1 test in 1 suite passed" "$SCRATCH/fuzz-$job.log"; then
        echo "job $job: passed"
    else
        echo "job $job: FAILED, see $SCRATCH/fuzz-$job.log"
        failed=1
    fi
done
echo "$INPUTS inputs in $(( $(date +%s) - started )) s on $JOBS processes: $([ $failed = 0 ] && echo 'no crash, no failed check' || echo 'FAILED')"
exit $failed
