#!/usr/bin/env bash
# Benchmark of tender-eval against reference tools on the same machine, in the same run (issue 3, item 9).
#
#   1. 10,000 synthetic bids (50 criteria) written by `tender-eval-bench files` (the developer tool):
#        tender-eval score rubric.yaml bids/ --out out/ --force     vs   xmllint --noout bids/*.xml
#                                                                   vs   scripts/bench/lxml_peer.py (Python lxml)
#   2. 100,000 bids x 50 criteria built in memory (no XML):
#        tender-eval-bench scoring (TenderEvaluator.evaluate)       vs   numpy min-max weighted sum + argsort
#   3. the performance history: 10 contracts x 12 months x 1,000 survey responses (plus team, department and
#      patrol sheets with photos) written by `tender-eval-bench performance`:
#        tender-eval perf record + perf month for every month, then perf report for every contract
#                                                                   vs   sqlite3 .import of the same CSV rows
#      and the history database's size.
#
# Prints the figures and the ratios (tender-eval / reference); it asserts nothing about speed. Each figure is the
# median of 3 runs. Python and numpy are only the reference here, never part of the product.
#
# Usage: scripts/benchmark.sh [--bids N] [--criteria M] [--memory-bids N] [--seed S] [--runs R]
#                             [--contracts C] [--months N] [--responses R]
#                             [--skip-files] [--skip-memory] [--skip-performance] [--keep]
set -euo pipefail

cd "$(dirname "$0")/.."

bids=10000
criteria=50
memory_bids=100000
seed=42
runs=3
skip_files=0
skip_memory=0
skip_performance=0
contracts=10
months=12
responses=1000
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bids) bids="$2"; shift 2 ;;
        --criteria) criteria="$2"; shift 2 ;;
        --memory-bids) memory_bids="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --skip-files) skip_files=1; shift ;;
        --skip-memory) skip_memory=1; shift ;;
        --skip-performance) skip_performance=1; shift ;;
        --contracts) contracts="$2"; shift 2 ;;
        --months) months="$2"; shift 2 ;;
        --responses) responses="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "benchmark.sh: unknown option '$1' (see --help)" >&2; exit 64 ;;
    esac
done

say() { printf '%s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "benchmark.sh: need root to run: $*"; exit 1
    fi
}

# --- prerequisites -------------------------------------------------------------------------------------------
scripts/setup.sh
if ! command -v xmllint >/dev/null 2>&1; then
    say "installing libxml2-utils (xmllint) ..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    say "installing sqlite3 (the reference for the history import) ..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3
fi
if ! python3 -c 'import lxml, yaml' >/dev/null 2>&1; then
    say "installing lxml and PyYAML for the Python peer ..."
    python3 -m pip install --quiet lxml pyyaml || python3 -m pip install --quiet --break-system-packages lxml pyyaml
fi
if ! python3 -c 'import numpy' >/dev/null 2>&1; then
    say "installing numpy for the reference run ..."
    if ! command -v python3 >/dev/null 2>&1; then
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-pip
    fi
    python3 -m pip install --quiet numpy || python3 -m pip install --quiet --break-system-packages numpy
fi

# SWIFT_SCRATCH_PATH lets a developer build elsewhere than .build (e.g. next to a running debug build).
build=(swift build -c release)
if [ -n "${SWIFT_SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SWIFT_SCRATCH_PATH"); fi
say "building release binaries ..."
"${build[@]}" --product tender-eval >&2
"${build[@]}" --product tender-eval-bench >&2
bin="$("${build[@]}" --show-bin-path)"

work="$(mktemp -d "${TMPDIR:-/tmp}/tender-eval-bench.XXXXXX")"
if [ "$keep" -eq 0 ]; then trap 'rm -rf "$work"' EXIT; else say "keeping $work"; fi

# Wall-clock seconds of a command (stdout and stderr discarded; a failure stops the script).
seconds_of() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/last-stderr" || {
        local status=$?
        say "benchmark.sh: command failed with status $status: $*"
        sed -n '1,20p' "$work/last-stderr" >&2
        exit 1
    }
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.3f}')"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { python3 -c "print(f'{$1 / $2:.1f}' if $2 > 0 else 'n/a')"; }

rows=()

# --- 1. files: tender-eval score vs xmllint --noout ----------------------------------------------------------
if [ "$skip_files" -eq 0 ]; then
    tender="$work/tender"
    say "generating $bids synthetic bids x $criteria criteria (seed $seed) ..."
    synth_seconds=$(seconds_of "$bin/tender-eval-bench" files --bids "$bids" --criteria "$criteria" --seed "$seed" --out "$tender")
    count=$(find "$tender/bids" -name '*.xml' | wc -l)
    size=$(find "$tender/bids" -name '*.xml' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
    say "  $count bids, $((size / count)) bytes each on average, written in $synth_seconds s"

    lint_times=()
    score_times=()
    peer_times=()
    for run in $(seq 1 "$runs"); do
        say "run $run/$runs: xmllint --noout, tender-eval score, the Python lxml peer ..."
        lint_times+=("$(seconds_of sh -c "find '$tender/bids' -name '*.xml' -print0 | xargs -0 xmllint --noout")")
        # tender-eval exits 0 (ranked); a failed tender (2) would also be a complete run, so accept it.
        score_times+=("$(seconds_of sh -c "'$bin/tender-eval' score '$tender/rubric.yaml' '$tender/bids' --out '$work/out' --force; s=\$?; [ \$s -eq 0 ] || [ \$s -eq 2 ]")")
        peer_times+=("$(seconds_of python3 scripts/bench/lxml_peer.py "$tender/rubric.yaml" "$tender/bids" "$work/peer.csv")")
    done
    lint=$(median "${lint_times[@]}")
    score=$(median "${score_times[@]}")
    peer=$(median "${peer_times[@]}")
    say "  xmllint runs: ${lint_times[*]}   tender-eval score runs: ${score_times[*]}   peer runs: ${peer_times[*]}"
    # Peak resident memory of one score run, read by the parent with wait4 (the child's own ru_maxrss).
    peak_kb=$(python3 - "$bin/tender-eval" "$tender" "$work/out" <<'PYTHON'
import os, sys
binary, tender, out = sys.argv[1:4]
pid = os.fork()
if pid == 0:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1); os.dup2(devnull, 2)
    os.execv(binary, [binary, "score", f"{tender}/rubric.yaml", f"{tender}/bids", "--out", out, "--force"])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss)
PYTHON
)
    rows+=("$count bids x $criteria criteria, XML files|tender-eval score (parse, XSD, XPath facts, scoring, 5 reports; peak RSS $((peak_kb / 1024)) MB)|$score|xmllint --noout (parse only)|$lint|$(ratio "$score" "$lint")")
    rows+=("$count bids x $criteria criteria, XML files|tender-eval score|$score|Python lxml peer (parse, rubric XPath, weighted sum, rank: scripts/bench/lxml_peer.py)|$peer|$(ratio "$score" "$peer")")
fi

# --- 2. in memory: TenderEvaluator.evaluate vs numpy weighted sum --------------------------------------------
if [ "$skip_memory" -eq 0 ]; then
    say "in-memory scoring of $memory_bids bids x $criteria criteria (seed 1), $runs runs ..."
    "$bin/tender-eval-bench" scoring --bids "$memory_bids" --criteria "$criteria" --seed 1 --runs "$runs" \
        | tee "$work/scoring.txt" >&2
    engine=$(sed -n 's/^median evaluate seconds: //p' "$work/scoring.txt")

    say "writing the same data as a numpy matrix ..."
    "$bin/tender-eval-bench" matrix --bids "$memory_bids" --criteria "$criteria" --seed 1 --out "$work/matrix" >&2
    numpy=$(python3 - "$work/matrix" "$runs" <<'PYTHON'
import sys, time
import numpy as np
folder, runs = sys.argv[1], int(sys.argv[2])
X = np.load(f"{folder}/X.npy")
w = np.load(f"{folder}/w.npy")
def score():
    lo = X.min(0); hi = X.max(0)
    span = np.where(hi > lo, hi - lo, 1.0)
    R = (X - lo) / span
    s = R @ w
    return s, np.argsort(-s, kind="stable")
score()  # warm-up, untimed
times = []
for _ in range(runs):
    start = time.perf_counter(); score(); times.append(time.perf_counter() - start)
print(f"{sorted(times)[len(times) // 2]:.3f}")
PYTHON
)
    rows+=("$memory_bids bids x $criteria criteria, in memory|TenderEvaluator.evaluate (exact decimals, gates, committee, price, ranking, flags)|$engine|numpy min-max weighted sum + argsort|$numpy|$(ratio "$engine" "$numpy")")
fi

# --- 3. the performance history: perf record / month / report vs sqlite3 .import --------------------------------
if [ "$skip_performance" -eq 0 ]; then
    data="$work/performance"
    say "generating $contracts contracts x $months months x $responses survey responses (seed $seed) ..."
    "$bin/tender-eval-bench" performance --contracts "$contracts" --months "$months" --responses "$responses" \
        --seed "$seed" --out "$data" >&2
    sheets_bytes=$(find "$data" -name '*.csv' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
    say "  $((sheets_bytes / 1048576)) MiB of CSV sheets"

    # Every month recorded (the four sheets, in one transaction) and scored, then every contract's reports.
    cat >"$work/record-year.sh" <<SCRIPT
set -e
for contract in "$data"/C*; do
    for folder in "\$contract"/20??-??; do
        month=\$(basename "\$folder")
        "$bin/tender-eval" perf record --plan "\$contract/plan.yaml" --month "\$month" --date 2024-01-05 \\
            --db "\$1" --survey "\$folder/survey.csv" --team "\$folder/team.csv" \\
            --department "\$folder/department.csv" --patrol "\$folder/patrol.csv"
        "$bin/tender-eval" perf month --plan "\$contract/plan.yaml" --month "\$month" --date 2024-01-05 --db "\$1"
    done
done
SCRIPT
    cat >"$work/report-year.sh" <<SCRIPT
set -e
for contract in "$data"/C*; do
    "$bin/tender-eval" perf report --plan "\$contract/plan.yaml" --db "\$1" --out "$work/perf-out/\$(basename "\$contract")" --force
done
SCRIPT
    # The floor: the same CSV rows into plain tables by one sqlite3 process (no checks, no scoring, no reports).
    {
        echo "CREATE TABLE survey(a, b, c, d, e, f); CREATE TABLE team(a, b, c); CREATE TABLE department(a, b, c, d);"
        echo "CREATE TABLE patrol(a, b, c, d, e, f, g);"
        for file in "$data"/C*/20??-??/*.csv; do
            echo ".import --csv --skip 1 '$file' $(basename "$file" .csv)"
        done
    } >"$work/import.sql"

    record_times=()
    report_times=()
    import_times=()
    for run in $(seq 1 "$runs"); do
        say "run $run/$runs: perf record + perf month x $((contracts * months)), perf report x $contracts, sqlite3 .import ..."
        rm -f "$work/history.sqlite" "$work/reference.sqlite"
        record_times+=("$(seconds_of bash "$work/record-year.sh" "$work/history.sqlite")")
        report_times+=("$(seconds_of bash "$work/report-year.sh" "$work/history.sqlite")")
        import_times+=("$(seconds_of sh -c "sqlite3 '$work/reference.sqlite' < '$work/import.sql'")")
    done
    record=$(median "${record_times[@]}")
    report=$(median "${report_times[@]}")
    import=$(median "${import_times[@]}")
    history_size=$(stat -c %s "$work/history.sqlite")
    reference_size=$(stat -c %s "$work/reference.sqlite")
    say "  record+month runs: ${record_times[*]}   report runs: ${report_times[*]}   sqlite3 .import runs: ${import_times[*]}"
    say "  history database: $history_size bytes ($((history_size / 1048576)) MiB); sqlite3 import of the same rows: $reference_size bytes"
    workload="$contracts contracts x $months months x $responses survey responses"
    rows+=("$workload|perf record + perf month, $((contracts * months)) months (checks, one transaction per month, scores, standings; database $((history_size / 1048576)) MiB)|$record|sqlite3 .import of the same CSV rows into plain tables ($((reference_size / 1048576)) MiB)|$import|$(ratio "$record" "$import")")
    rows+=("$workload|perf report, $contracts contracts (period + $months monthly reports each, 4 formats)|$report|sqlite3 .import of the same CSV rows|$import|$(ratio "$report" "$import")")
fi

# --- table ---------------------------------------------------------------------------------------------------
echo
echo "machine: $(nproc) cores, $(uname -m), $(swift --version 2>/dev/null | head -1)"
echo "median of $runs runs, seconds"
echo
echo "| workload | tender-eval | s | reference | s | ratio |"
echo "| --- | --- | ---: | --- | ---: | ---: |"
for row in "${rows[@]}"; do
    IFS='|' read -r workload ours ours_s ref ref_s r <<<"$row"
    echo "| $workload | $ours | $ours_s | $ref | $ref_s | ${r}x |"
done
