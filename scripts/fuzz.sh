#!/usr/bin/env bash
# Fuzzes the bid importer and/or the rubric loader with libFuzzer (plus AddressSanitizer) for a given time.
#
#   scripts/fuzz.sh [bid-import|rubric|all] [seconds]      (defaults: all, 60 seconds per fuzzer)
#
# Seeds come from the repository's own bids, rubrics and test fixtures, plus ../shared/corpus/{hostile,ubl,espd}
# when that folder exists; they are copied at run time, never committed. Everything the run writes (the growing
# corpus, crash/timeout/OOM inputs, logs) goes to .build-fuzz-artifacts/<fuzzer>/, which git ignores.
# The run keeps going after a finding (libFuzzer fork mode) so one time box reports every finding; the script
# exits 1 when any fuzzer found a crash, a timeout (an input taking over 2 s) or an out-of-memory (over 512 MB).
# Reproduce a finding with an ordinary build: swift build --product fuzz-bid-import && .build/debug/fuzz-bid-import FILE
set -euo pipefail
cd "$(dirname "$0")/.."

which="${1:-all}"
seconds="${2:-60}"
case "$which" in
    bid-import | rubric) fuzzers=("$which") ;;
    all) fuzzers=(bid-import rubric) ;;
    *)
        echo "usage: scripts/fuzz.sh [bid-import|rubric|all] [seconds]" >&2
        exit 2
        ;;
esac
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "fuzz.sh: seconds must be a positive whole number, not '$seconds'" >&2
    exit 2
fi

scripts/setup.sh
scratch=.build-fuzz
output=.build-fuzz-artifacts
shared=../shared/corpus

# Seeds for one fuzzer, copied fresh into $1 (a folder that is emptied first).
seed_bid_import() {
    local seeds="$1"
    cp bids/*/*.xml Tests/TenderIntakeTests/Fixtures/*.xml "$seeds"/
    if [ -d Tests/TenderIntakeTests/Fixtures/fuzz-regressions ]; then
        find Tests/TenderIntakeTests/Fixtures/fuzz-regressions -type f ! -name '*.md' -exec cp {} "$seeds"/ \;
    fi
    local folder
    for folder in hostile ubl espd; do
        if [ -d "$shared/$folder" ]; then
            cp "$shared/$folder"/*.xml "$seeds"/
        else
            echo "fuzz.sh: $shared/$folder is absent; seeding without it" >&2
        fi
    done
}

seed_rubric() {
    local seeds="$1"
    cp rubrics/*.yaml Tests/TenderRubricTests/Fixtures/*.yaml "$seeds"/
    if [ -d Tests/TenderRubricTests/Fixtures/fuzz-regressions ]; then
        find Tests/TenderRubricTests/Fixtures/fuzz-regressions -type f ! -name '*.md' -exec cp {} "$seeds"/ \;
    fi
}

# libFuzzer dictionaries: tokens the mutator splices in, so it reaches deeper than random bytes would.
# One quoted string a line; every byte is written as \xNN because libFuzzer accepts only printable ASCII.
dictionary_entry() {
    printf '"%s"\n' "$(printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n' | sed 's/../\\x&/g')"
}

dictionary_bid_import() {
    local token
    for token in '<?xml version="1.0"' ' encoding="' '?>' 'UTF-8' 'UTF-16' 'UTF-16LE' 'UTF-16BE' 'GB18030' 'GBK' \
        'GB2312' 'Big5' 'ISO-8859-1' 'EBCDIC' '<!DOCTYPE' '<!ENTITY' '<!ATTLIST' '<!ELEMENT' 'SYSTEM' 'PUBLIC' \
        '%' '&' ';' '&#x' '<![CDATA[' ']]>' '<!--' '-->' '<?' ' xmlns="' ' xmlns:' ':' '="' '</' '/>' \
        'urn:tender-eval:bid:1' 'urn:oasis:names:specification:ubl:schema:xsd:Tender-2' \
        'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2' \
        'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2' \
        'urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2' \
        'urn:grow:names:specification:ubl:schema:xsd:ESPDResponse-1' 'Tender' 'ESPDResponse' \
        'QualificationApplicationResponse' 'bid' 'bidder' 'name' 'registration-id' 'size' 'price' 'total' 'line' \
        'capability' 'staff' 'person' 'qualification' 'emergency-response' 'minutes' 'spare-parts' 'stock-value' \
        'equipment' 'item' 'quality' 'certification' 'standard' 'valid-until' 'association-rating' 'grade' \
        'reputation' 'past-contract' 'satisfaction' 'year' 'value' 'attachments' 'attachment' 'commitments' \
        'commitment' 'facts' 'fact' 'currency' 'CNY' 'submitted' 'tender' 'role' 'project-manager' 'ISO9001' \
        '物业管理师' '-1' '1e999' 'NaN' '0.00' '99999999999999999999.99'; do
        dictionary_entry "$token"
    done
}

dictionary_rubric() {
    local token
    for token in '---' '...' ': ' '- ' '{' '}' '[' ']' ', ' '&a ' '*a' '!!str ' '!!int ' '!!float ' '!!map' '? ' \
        '|' '>-' '#' '"' "'" $'\t' '~' 'null' 'true' 'false' 'yes' 'no' '.nan' '.inf' '-.inf' '1e400' '-1' \
        '0x10' '99999999999999999999999' '0.005' 'tender' 'id' 'name' 'zh' 'en' 'authority' 'evaluation-date' \
        'profile' 'cn-87' 'tie-break' 'group:' 'earliest-submission' 'namespaces' 'b: urn:tender-eval:bid:1' \
        'price-policy' 'size-deductions' 'small' 'micro' 'gates' 'xpath' 'groups' 'criteria' 'points' \
        'objective' 'value' 'yes-no' 'lookup' 'otherwise' 'linear' 'bands' 'per-item' 'committee' 'price' \
        'formula' 'lowest-price' 'count(/b:bid/b:item)' 'boolean(/b:bid)' 'string(/b:bid/@x)'; do
        dictionary_entry "$token"
    done
}

# libFuzzer's fork-mode progress lines read `#EXECS: cov: C ft: F corp: N exec/s: _ oom/timeout/crash: o/t/c
# time: Ts job: J ...`; the last one holds the run's totals.
summarise() {
    local name="$1" log="$2" findings="$3"
    local last
    last="$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n 1 || true)"
    if [ -z "$last" ]; then
        echo "fuzz $name: no progress reported (see $log)"
        return
    fi
    awk -v name="$name" -v findings="$findings" '{
        execs = substr($1, 2, length($1) - 2)
        for (i = 2; i <= NF; i++) {
            if ($i == "cov:") cov = $(i + 1)
            if ($i == "ft:") ft = $(i + 1)
            if ($i == "corp:") corpus = $(i + 1)
            if ($i == "oom/timeout/crash:") split($(i + 1), found, "/")
            if ($i == "time:") time = $(i + 1) + 0
        }
        rate = time > 0 ? int(execs / time) : 0
        printf "fuzz %s: %d execs in %ds (%d exec/s), cov %d, ft %d, corpus %d, crashes %d, timeouts %d, ooms %d, new artifacts %d\n",
            name, execs, time, rate, cov, ft, corpus, found[3], found[2], found[1], findings
    }' <<<"$last"
}

status=0
summaries=()
for fuzzer in "${fuzzers[@]}"; do
    product="fuzz-$fuzzer"
    folder="$output/$fuzzer"
    rm -rf "$folder/seeds"
    mkdir -p "$folder/seeds" "$folder/corpus" "$folder/artifacts"

    echo "== building $product with -sanitize=fuzzer,address (log: $folder/build.log)"
    # Not `--sanitize=fuzzer --sanitize=address`: SwiftPM then passes two -sanitize= options in an order that
    # changes from run to run, and swiftc honours only the last one, so the code ends up either without coverage
    # instrumentation or without AddressSanitizer. One combined option after SwiftPM's own gives both.
    build=(swift build --scratch-path "$scratch" --product "$product" --sanitize=fuzzer
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address -Xswiftc -DFUZZING)
    if ! "${build[@]}" >"$folder/build.log" 2>&1; then
        # The linker's "cannot export local symbol '__asan_…'" warnings are harmless noise; show the rest.
        grep -v "Cannot export local symbol" "$folder/build.log" | tail -n 40 >&2
        exit 1
    fi
    binary="$("${build[@]}" --show-bin-path)/$product"
    if command -v readelf >/dev/null 2>&1 && ! grep -q __sancov_cntrs <<<"$(readelf -S "$binary")"; then
        echo "fuzz.sh: $binary has no coverage instrumentation; libFuzzer would fuzz blind" >&2
        exit 1
    fi
    "seed_${fuzzer//-/_}" "$folder/seeds"
    "dictionary_${fuzzer//-/_}" >"$folder/dictionary"
    stamp="$folder/.started"
    touch "$stamp"
    log="$folder/fuzz.log"

    echo "== fuzzing $product for $seconds s (log: $log)"
    # The Swift runtime's own backtracer would catch the crash signal before libFuzzer could save the input.
    # AddressSanitizer's quarantine of freed memory (256 MB by default) counts against -rss_limit_mb: a fork-mode
    # job that replays the whole grown corpus reached 554 MB with it and 93 MB without, and was reported as an
    # out-of-memory input that uses 79 MB alone. A 64 MB quarantine still catches use after free and leaves
    # the limit measuring what an input really takes.
    set +e
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=64}" \
        "$binary" "$folder/corpus" "$folder/seeds" \
        -dict="$folder/dictionary" \
        -max_len=32768 -timeout=2 -rss_limit_mb=512 -max_total_time="$seconds" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix="$folder/artifacts/" -print_final_stats=1 >"$log" 2>&1
    exit_code=$?
    set -e
    findings="$(find "$folder/artifacts" -type f -newer "$stamp" | wc -l)"
    summary="$(summarise "$fuzzer" "$log" "$findings")"
    echo "$summary"
    summaries+=("$summary")
    if [ "$findings" -gt 0 ]; then
        echo "   new findings in $folder/artifacts:"
        find "$folder/artifacts" -type f -newer "$stamp" -printf '     %p\n'
        status=1
    elif [ "$exit_code" -ne 0 ]; then
        echo "   libFuzzer exited with status $exit_code; see $log" >&2
        status=1
    fi
done

echo "== summary"
printf '%s\n' "${summaries[@]}"
exit "$status"
