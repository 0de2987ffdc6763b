#!/usr/bin/env bash
# Runs the whole test suite twice: under AddressSanitizer (with LeakSanitizer) and under
# UndefinedBehaviorSanitizer. Fails when either run fails or a sanitizer reports anything.
#
#   scripts/sanitize.sh [address|undefined|all]      (default: all)
#
# Builds go to .build-asan and .build-ubsan (git ignores .build*/); logs to .build-asan/sanitize.log and
# .build-ubsan/sanitize.log.
#
# AddressSanitizer instruments the Swift and C code (our CAtomicRename, Yams' libyaml).
# swiftc has no -sanitize=undefined on Linux, and Swift code already traps on overflow, out-of-bounds and
# force-unwrapped nil, so the UndefinedBehaviorSanitizer run instruments the C code (-fsanitize=undefined,
# fatal on the first finding) and links the UBSan runtime into the Swift test binaries and the CLI binary.
# libxml2 comes from the system and is not instrumented.
set -euo pipefail
cd "$(dirname "$0")/.."

which="${1:-all}"
case "$which" in
    address) runs=(address) ;;
    undefined) runs=(undefined) ;;
    all) runs=(address undefined) ;;
    *)
        echo "usage: scripts/sanitize.sh [address|undefined|all]" >&2
        exit 2
        ;;
esac

scripts/setup.sh --tests

# The sanitizer runtimes ship with the Swift toolchain (next to its clang); a toolchain without them cannot
# run this script, and Debian's clang runtime packages install elsewhere, where swiftc does not look.
swiftc_path="$(command -v swiftc)"
runtime_dir="$(dirname "$(readlink -f "$swiftc_path")")/../lib/swift/clang/lib/linux"
for runtime in asan ubsan_standalone; do
    if ! ls "$runtime_dir"/libclang_rt."$runtime"-*.a >/dev/null 2>&1; then
        echo "sanitize.sh: the Swift toolchain at $swiftc_path lacks libclang_rt.$runtime ($runtime_dir);" \
            "install a swift.org toolchain, which includes it" >&2
        exit 1
    fi
done
# Symbolized stack traces in reports (the toolchain has llvm-symbolizer beside swiftc).
symbolizer="$(dirname "$swiftc_path")/llvm-symbolizer"
if [ -x "$symbolizer" ]; then
    export ASAN_SYMBOLIZER_PATH="$symbolizer" UBSAN_SYMBOLIZER_PATH="$symbolizer"
fi
# Tests must not be skipped for want of a backtrace; the Swift backtracer would also hide sanitizer reports.
export SWIFT_BACKTRACE=enable=no

failed=()
for run in "${runs[@]}"; do
    case "$run" in
        address)
            scratch=.build-asan
            flags=(--sanitize=address)
            mkdir -p "$scratch"
            # Leaks inside the toolchain's own libraries, not in tender-eval: XCTest's runner keeps its suite
            # objects at exit, and Foundation's Process.run() leaks a weak-reference side table per process.
            printf '%s\n' 'leak:libXCTest.so' 'leak:Foundation7ProcessC3run' >"$scratch/lsan.supp"
            export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
            export LSAN_OPTIONS="suppressions=$PWD/$scratch/lsan.supp:print_suppressions=0:report_objects=1"
            ;;
        undefined)
            scratch=.build-ubsan
            flags=(-Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined
                -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined)
            export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
            ;;
    esac
    mkdir -p "$scratch"
    log="$scratch/sanitize.log"
    echo "== swift test under the $run sanitizer (scratch: $scratch, log: $log)"
    set +e
    swift build --build-tests --scratch-path "$scratch" "${flags[@]}" >"$log" 2>&1 &&
        swift test --skip-build --scratch-path "$scratch" "${flags[@]}" >>"$log" 2>&1
    status=$?
    set -e
    # A sanitizer report fails the run even when the process that printed it did not change the exit status
    # (e.g. a report from a child process whose output a test only captured).
    if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: UndefinedBehaviorSanitizer" "$log"; then
        echo "   the $run sanitizer reported a problem:" >&2
        grep -nE -A 30 "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" "$log" | head -n 80 >&2
        status=1
    fi
    if [ "$status" -ne 0 ]; then
        echo "   FAILED: swift test under the $run sanitizer (see $log)" >&2
        grep -E "error:|✘|failed" "$log" | grep -v "^.*warning:" | tail -n 30 >&2 || true
        failed+=("$run")
    else
        echo "   passed: $(grep -E "Test run with .* passed|Executed .* tests" "$log" | tail -n 2 | tr '\n' ' ')"
    fi
    unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "sanitize.sh: failed under: ${failed[*]}" >&2
    exit 1
fi
echo "sanitize.sh: the whole test suite passed under: ${runs[*]}"
