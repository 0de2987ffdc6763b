// libFuzzer target for the rubric loader.
//
// Built by scripts/fuzz.sh with `swift build --sanitize=fuzzer -Xswiftc -DFUZZING`: then the only entry point is
// `LLVMFuzzerTestOneInput` and libFuzzer supplies `main`. In an ordinary build the same check runs from a small
// `main` over the files named on the command line, which reproduces a crash found by the fuzzer:
// `fuzz-rubric crash-1234…` (and keeps `swift build` linking).

import Foundation
import TenderCore
import TenderRubric

/// One input through `RubricLoader.load`; traps when the outcome breaks the loader's promise.
enum RubricFuzzCheck {
    static let file = "fuzz-input.yaml"

    /// Loaded (and its fact expressions listed), or refused with at least one error, every error located in
    /// the input at a real line and column; anything else is a finding.
    static func check(_ bytes: [UInt8]) {
        do {
            let loaded = try RubricLoader.load(bytes: bytes, file: file)
            _ = loaded.rubric.factQueries
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            guard !errors.isEmpty else {
                fatalError("rubric refused without an error diagnostic: \(error.diagnostics)")
            }
            for diagnostic in errors {
                guard let location = diagnostic.location, location.file == file else {
                    fatalError("rubric error without a location in the input: \(diagnostic)")
                }
                guard (location.line ?? 1) >= 1, (location.column ?? 1) >= 1 else {
                    fatalError("rubric error at an impossible position: \(diagnostic)")
                }
            }
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RubricFuzzCheck.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct FuzzRubricReplay {
    /// Runs each file named on the command line through the same check as the fuzzer.
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: fuzz-rubric FILE...\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read file\n".utf8))
                exit(1)
            }
            RubricFuzzCheck.check([UInt8](data))
            print("\(path): ok")
        }
    }
}
#endif
