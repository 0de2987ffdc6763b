#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: formatting lint, a warnings-as-errors build of our code, and
# every test (unit, golden reports, end-to-end through the built binary, the hostile-XML corpus).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift format lint --strict --recursive Sources Tests Package.swift
swift build --build-tests -Xswiftc -warnings-as-errors
swift test --skip-build
