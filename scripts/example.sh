#!/usr/bin/env bash
# Scores the example tender (the Huangyan district logistics-services tender) and writes its reports to out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product tender-eval
set +e
.build/release/tender-eval score rubrics/huangyan-logistics-2020.yaml bids/huangyan-logistics-2020/ \
    --out out/ --force "$@"
status=$?
set -e
echo "reports written to out/: $(ls out | tr '\n' ' ')"
exit $status
