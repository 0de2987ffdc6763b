// libFuzzer target for the bid importer.
//
// Built by scripts/fuzz.sh with `swift build --sanitize=fuzzer -Xswiftc -DFUZZING`: then the only entry point is
// `LLVMFuzzerTestOneInput` and libFuzzer supplies `main`. In an ordinary build the same check runs from a small
// `main` over the files named on the command line, which reproduces a crash found by the fuzzer:
// `fuzz-bid-import crash-1234…` (and keeps `swift build` linking).

import Foundation
import TenderFuzzChecks

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBidImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let problem = FuzzChecks.bidImportProblem(Array(UnsafeBufferPointer(start: data, count: size))) {
        fatalError(problem)
    }
    return 0
}
#else
@main
struct FuzzBidImportReplay {
    static func main() {
        let status = FuzzChecks.replay(
            arguments: Array(CommandLine.arguments.dropFirst()),
            tool: "fuzz-bid-import",
            check: { FuzzChecks.bidImportProblem($0) }
        )
        exit(status)
    }
}
#endif
