// libFuzzer target for the rubric loader.
//
// Built by scripts/fuzz.sh with `swift build --sanitize=fuzzer -Xswiftc -DFUZZING`: then the only entry point is
// `LLVMFuzzerTestOneInput` and libFuzzer supplies `main`. In an ordinary build the same check runs from a small
// `main` over the files named on the command line, which reproduces a crash found by the fuzzer:
// `fuzz-rubric crash-1234…` (and keeps `swift build` linking).

import Foundation
import TenderFuzzChecks

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let problem = FuzzChecks.rubricProblem(Array(UnsafeBufferPointer(start: data, count: size))) {
        fatalError(problem)
    }
    return 0
}
#else
@main
struct FuzzRubricReplay {
    static func main() {
        let status = FuzzChecks.replay(
            arguments: Array(CommandLine.arguments.dropFirst()),
            tool: "fuzz-rubric",
            check: { FuzzChecks.rubricProblem($0) }
        )
        exit(status)
    }
}
#endif
