#!/usr/bin/env bash
# Installs what a fresh machine lacks to build tender-eval: libxml2's and libcrypto's headers and pkg-config
# (SwiftPM finds them through `pkg-config libxml-2.0 libcrypto`). Idempotent: does nothing when all are there.
set -euo pipefail

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libxml-2.0 libcrypto; then
    exit 0
fi
packages=(libxml2-dev libssl-dev pkg-config)
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
