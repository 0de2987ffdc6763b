#!/usr/bin/env bash
# Installs what a fresh machine lacks, with apt, only when it is missing (idempotent).
#   scripts/setup.sh           to build tender-eval: libxml2's and libcrypto's headers and pkg-config (SwiftPM
#                              finds both libraries through `pkg-config libxml-2.0 libcrypto`), and libxlsxwriter's
#                              (`pkg-config xlsxwriter`) to write .xlsx sheets, and SQLite's (`pkg-config sqlite3`)
#                              for GRDB, which keeps the performance history
#   scripts/setup.sh --tests   also what the test suite uses: xmllint (libxml2-utils) as a second XSD validator,
#                              headless Chromium to check the HTML report as a browser builds it and prints it
#                              (with fonts-noto-cjk, and poppler-utils to read the PDF back), and Python's
#                              openpyxl (with pip) as a second reader of the .xlsx files the tool writes
set -euo pipefail

packages=()
if ! command -v pkg-config >/dev/null 2>&1; then packages+=(pkg-config); fi
if ! pkg-config --exists libxml-2.0 2>/dev/null; then packages+=(libxml2-dev); fi
if ! pkg-config --exists libcrypto 2>/dev/null; then packages+=(libssl-dev); fi
if ! pkg-config --exists xlsxwriter 2>/dev/null; then packages+=(libxlsxwriter-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then packages+=(libsqlite3-dev); fi
if [ "${1:-}" = "--tests" ]; then
    if ! command -v xmllint >/dev/null 2>&1; then packages+=(libxml2-utils); fi
    if ! command -v chromium >/dev/null 2>&1; then packages+=(chromium); fi
    # The print test renders report.html to PDF with CJK fonts and reads it back with pdftotext and pdfinfo.
    if ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then packages+=(fonts-noto-cjk); fi
    if ! command -v pdftotext >/dev/null 2>&1; then packages+=(poppler-utils); fi
    if command -v python3 >/dev/null 2>&1 && ! python3 -c "import openpyxl" >/dev/null 2>&1; then
        python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore openpyxl
    fi
fi
if [ ${#packages[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
else
    echo "tender-eval needs ${packages[*]}; install them with: apt-get install -y ${packages[*]}" >&2
    exit 1
fi
