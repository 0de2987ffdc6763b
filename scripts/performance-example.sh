#!/usr/bin/env bash
# After the award: the example contracts' monthly evaluations (月考评) for their first year, recorded, scored and
# reported, then a later tender whose reputation criterion reads that history.
#   1. a new history database                        tender-eval history migrate   -> out/performance/tender-eval.sqlite
#   2. each month: the four sheets, then the score    tender-eval perf record, perf month
#      (examples/performance/<contract>/<YYYY-MM>/: survey.csv, team.csv, department.csv, patrol.csv, photos/)
#   3. a correction on the record, the month again    tender-eval perf correct, perf month
#   4. the reports of each contract                   tender-eval perf report       -> out/performance/<contract>/
#   5. nothing was changed after it was recorded      tender-eval history verify
#   6. the later tender, reading the history          tender-eval score --db        -> out/conference-2022/
# Exits with the later tender's status.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product tender-eval
tool=.build/release/tender-eval

step() { printf '\n== %s\n' "$*" >&2; }

out=out/performance
db="$out/tender-eval.sqlite"
rm -rf "$out"
mkdir -p "$out"

step "1. a new history database: $db"
"$tool" history migrate --db "$db"

# Sheets are recorded and scored on the 5th of the following month, as the evaluation group meets then.
recorded_on() {
    local year=${1%-*} month=${1#*-}
    month=$((10#$month + 1))
    if [ "$month" -eq 13 ]; then year=$((year + 1)); month=1; fi
    printf '%04d-%02d-05' "$year" "$month"
}

record_year() {
    local contract=examples/performance/$1 folder month on
    step "2. $1: twelve months recorded and scored"
    for folder in "$contract"/20??-??; do
        month=$(basename "$folder")
        on=$(recorded_on "$month")
        "$tool" perf record --plan "$contract/plan.yaml" --month "$month" --date "$on" --db "$db" \
            --survey "$folder/survey.csv" --team "$folder/team.csv" --department "$folder/department.csv" \
            --patrol "$folder/patrol.csv"
        "$tool" perf month --plan "$contract/plan.yaml" --month "$month" --date "$on" --db "$db"
    done
}

record_year HYJG-2020-FW-017-HT01
record_year HYJG-2021-FW-004-HT01

step "3. a correction on the record (the original score stays), and the month computed again"
plan=examples/performance/HYJG-2020-FW-017-HT01/plan.yaml
"$tool" perf correct --plan "$plan" --month 2021-05 --department-score 后勤保障科:保洁服务 --from 25 --to 28 \
    --reason "复核：垃圾桶清运属垃圾清运合同（HYJG-2021-FW-004）的服务范围，不属本合同保洁项，撤销该项扣分" \
    --by "项目考评小组（监督委员会复核同意）" --date 2021-06-15 --db "$db"
"$tool" perf month --plan "$plan" --month 2021-05 --date 2021-06-15 --db "$db"

step "4. the reports: out/performance/<contract>/period.* and months/*"
for contract in HYJG-2020-FW-017-HT01 HYJG-2021-FW-004-HT01; do
    "$tool" perf report --plan "examples/performance/$contract/plan.yaml" --out "$out/$contract" --force --db "$db"
done

step "5. every recorded sheet and correction is as it was recorded"
"$tool" history verify --db "$db"

step "6. the later tender (HYJG-2022-FW-006) reads the history for its reputation criterion: out/conference-2022/"
set +e
"$tool" score rubrics/huangyan-conference-2022.yaml bids/huangyan-conference-2022/ --db "$db" \
    --out out/conference-2022 --force "$@"
status=$?
set -e
echo "reports written to $out/ and out/conference-2022/" >&2
exit $status
