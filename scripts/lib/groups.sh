# Test groups for scripts/test: each runs, reports "<group>: N passed, N failed (at least M expected)"
# from its own runner's summary, and counts as failed if that summary is missing or shows fewer
# tests than the suite holds. Sourced, not run.

GROUPS_PASSED=0
GROUPS_FAILED=0
GROUPS_BAD=()   # groups that failed, ran too few tests, or printed no summary

# record <group> <passed> <failed> <expected at least>: tests short of the expected count are failed.
record() {
    local group=$1 passed=$2 failed=$3 expected=$4
    local missing=$((expected - passed - failed))
    if ((missing > 0)); then   # a test that should have run and did not is a failure
        echo "$group: ran $((passed + failed)) tests, fewer than the $expected it holds" >&2
        failed=$((failed + missing))
    fi
    GROUPS_PASSED=$((GROUPS_PASSED + passed))
    GROUPS_FAILED=$((GROUPS_FAILED + failed))
    echo "$group: $passed passed, $failed failed (at least $expected expected)"
    ((failed == 0)) || GROUPS_BAD+=("$group")
}

# A group whose output has no summary line: count it as one failure.
no_summary() {
    echo "$1: no summary line in its output: the runner printed something unexpected or did not run" >&2
    GROUPS_FAILED=$((GROUPS_FAILED + 1))
    GROUPS_BAD+=("$1")
}

# ctest_group <group> <build dir> [env...]: every doctest case must be a CTest test that passed.
# The expected count comes from the doctest binary itself, so a case CTest lost or split counts;
# the CLI's tests (label "cli", each registered by hand in tests/CMakeLists.txt) add their own.
ctest_group() {
    local group=$1 dir=$2 out
    shift 2
    out=$(mktemp)
    local expected
    expected=$("$dir/tests/engine_tests" --list-test-cases 2>&1 | sed -nE 's/.*test cases passing the current filters: ([0-9]+).*/\1/p' || true)
    local cli
    cli=$(ctest --test-dir "$dir" -N -L cli 2>/dev/null | sed -nE 's/^Total Tests: ([0-9]+)$/\1/p' || true)
    [[ -n $expected && -n $cli ]] && expected=$((expected + cli))
    env "$@" ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$JOBS" 2>&1 | tee "$out" || true
    local line
    line=$(grep -E '[0-9]+ tests failed out of [0-9]+' "$out" | tail -n 1 || true)
    rm -f "$out"
    if [[ -z $line || -z $expected ]]; then no_summary "$group"; return; fi
    local failed total
    failed=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
    total=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$line")
    if ((total != expected)); then
        echo "$group: CTest ran $total tests but the suite has $expected test cases" >&2
        GROUPS_BAD+=("$group")
    fi
    record "$group" $((total - failed)) "$failed" "$expected"
}

# node_group <group> <files...>: node --test with the TAP reporter; the expected count is the
# number of test(...) calls in the files, wherever they stand (a loop makes several tests of one
# call, so at least).
node_group() {
    local group=$1 out
    shift
    out=$(mktemp)
    local expected
    expected=$(cat "$@" | grep -oE '(^|[^.[:alnum:]_$])test\(' | wc -l)   # calls, not regex.test(
    node --test --test-reporter=tap "$@" 2>&1 | tee "$out" || true
    local pass fail skipped
    pass=$(grep -E '^# pass [0-9]+$' "$out" | awk '{print $3}' || true)
    fail=$(grep -E '^# fail [0-9]+$' "$out" | awk '{print $3}' || true)
    skipped=$(awk '/^# (skipped|todo) [0-9]+$/ {n += $3} END {print n + 0}' "$out")
    rm -f "$out"
    if [[ -z $pass || -z $fail ]]; then no_summary "$group"; return; fi
    if ((skipped > 0)); then
        echo "$group: $skipped tests skipped or todo: every test must run" >&2
        GROUPS_BAD+=("$group")
    fi
    record "$group" "$pass" "$fail" "$expected"
}

# fuzz_group <group> <seconds> <targets...>: each libFuzzer harness in build/fuzz runs from its seed
# corpus; one passes with no crash, sanitizer report or abort (a non-finite result) and at least
# AE_FUZZ_MIN_INPUTS inputs executed. A harness that stops early or barely runs (a hang, a broken
# seed corpus) has checked little: the default minimum is 200 inputs a second (a loaded 2-core
# machine manages about 1,500 a second on the slower harness).
fuzz_group() {
    local group=$1 seconds=$2 passed=0 failed=0
    shift 2
    local minimum=${AE_FUZZ_MIN_INPUTS:-$((200 * seconds))}
    for target in "$@"; do
        say "fuzzing $target for $seconds s (seed corpus tests/fuzz/corpus/$target)"
        local found inputs
        found=$(mktemp -d)
        if ! build/fuzz/tests/fuzz/fuzz-$target -max_total_time="$seconds" -max_len=20000 \
                -artifact_prefix="$found/" -print_final_stats=1 "$found" "tests/fuzz/corpus/$target" > "$found.log" 2>&1; then
            tail -n 40 "$found.log"
            echo "fuzz-$target found a failure: the input that shows it is in $found (add it to tests/fuzz/corpus/$target once fixed)" >&2
            failed=$((failed + 1))
            continue
        fi
        inputs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)$/\1/p' "$found.log")
        rm -rf "$found" "$found.log"
        if [[ -z $inputs ]] || ((inputs < minimum)); then
            echo "fuzz-$target ran ${inputs:-an unknown number of} inputs, fewer than the minimum of $minimum" >&2
            failed=$((failed + 1))
            continue
        fi
        echo "fuzz-$target: $inputs inputs, no crash, no sanitizer report, no non-finite result"
        passed=$((passed + 1))
    done
    record "$group" "$passed" "$failed" "$#"
}
