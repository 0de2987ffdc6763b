#!/usr/bin/env bash
# The example tender (the Huangyan district logistics-services tender) through the committee's day, one command
# per step, as the README describes it:
#   1. check the rubric and the committee file       tender-eval check
#   2. blank score sheets, one per member             tender-eval sheets          -> out/sheets/
#   3. a preliminary run on the blank sheets          tender-eval score           -> out/preliminary/ (exit 3)
#   4. the members fill their sheets                  (the example ships them filled: bids/…/sheet-0N-*.xlsx)
#   5. the recorded decisions, sealed                 tender-eval decisions seal  (bids/…/decisions.yaml)
#   6. the final run, with the public notice          tender-eval score --public  -> out/final/
# Exits with the final run's status.
set -euo pipefail
cd "$(dirname "$0")/.."

rubric=rubrics/huangyan-logistics-2020.yaml
bids=bids/huangyan-logistics-2020

scripts/setup.sh
swift build -c release --product tender-eval
tool=.build/release/tender-eval

step() { printf '\n== %s\n' "$*" >&2; }

step "1. check: the rubric and the committee (cn-87 rules)"
"$tool" check "$rubric" --committee "$bids/committee.yaml" --decisions "$bids/decisions.yaml"

step "2. sheets: one blank sheet per member (xlsx, CSV, printable HTML) in out/sheets/"
mkdir -p out
"$tool" sheets "$rubric" "$bids" --out out/sheets --force

step "3. preliminary: gates, objective and price points, and what is outstanding, before any score is in"
blank=()
for sheet in out/sheets/*.xlsx; do blank+=(--scores "$sheet"); done
set +e
"$tool" score "$rubric" "$bids"/*.xml --committee "$bids/committee.yaml" "${blank[@]}" --out out/preliminary --force
status=$?
set -e
if [ "$status" -ne 3 ]; then
    echo "example.sh: the preliminary run should exit 3 (preliminary), it exited $status" >&2
    exit 1
fi

step "4-5. the members' filled sheets and the recorded decisions: $bids/sheet-0*.xlsx, $bids/decisions.yaml"
"$tool" decisions seal "$bids/decisions.yaml"

step "6. final: the ranking, the report the committee signs, the public notice and the debrief letters in out/final/"
set +e
"$tool" score "$rubric" "$bids/" --out out/final --force --public "$@"
status=$?
set -e
echo "reports written to out/final/: $(ls out/final | tr '\n' ' ')" >&2
exit $status
