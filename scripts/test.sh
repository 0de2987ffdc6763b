#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: formatting lint, a warnings-as-errors build of our code, and
# every test (unit, golden reports, end-to-end through the built binary, the hostile-XML corpus).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
swift format lint --strict --recursive Sources Tests Package.swift
# Warnings are errors in our code, and a module may import only the targets Package.swift declares for it.
swift build --build-tests -Xswiftc -warnings-as-errors --explicit-target-dependency-import-check error
log=.build/test-output.log
swift test --skip-build 2>&1 | tee "$log"
# swift test ends with XCTest's and Swift Testing's own summaries; one plain line states the total.
# Swift Testing counts a skipped test among the tests of a passing run; the plain line keeps them apart.
total=$(sed -nE 's/.*Test run with ([0-9]+) tests? in [0-9]+ suites? passed.*/\1/p' "$log" | tail -1)
skipped=$(grep -cE '^. Test .* skipped' "$log" || true)
echo "$(( ${total:-0} - skipped )) passed, 0 failed, ${skipped} skipped"
