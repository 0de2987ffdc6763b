// libFuzzer target for the bid importer.
//
// Built by scripts/fuzz.sh with `swift build --sanitize=fuzzer -Xswiftc -DFUZZING`: then the only entry point is
// `LLVMFuzzerTestOneInput` and libFuzzer supplies `main`. In an ordinary build the same check runs from a small
// `main` over the files named on the command line, which reproduces a crash found by the fuzzer:
// `fuzz-bid-import crash-1234…` (and keeps `swift build` linking).

import Foundation
import TenderBidImport
import TenderCore

/// One input through `BidImporter.importBid`; traps when the outcome breaks the importer's promise.
enum BidImportFuzzCheck {
    /// Mirrors the example rubric's fact queries (rubrics/huangyan-logistics-2020.yaml), so that the XPath
    /// evaluation runs on every input the way it does in a real evaluation.
    static let queries: [FactQuery] = [
        FactQuery(
            id: "gate:business-licence",
            expression: "boolean(/b:bid/b:bidder/b:registration-id[@scheme='USCC'])",
            kind: .boolean
        ),
        FactQuery(id: "price", expression: "number(/b:bid/b:price/b:total)", kind: .number),
        FactQuery(
            id: "certified-staff",
            expression: "count(/b:bid/b:capability/b:staff/b:person[b:qualification])",
            kind: .number
        ),
        FactQuery(
            id: "project-manager",
            expression:
                "boolean(/b:bid/b:capability/b:staff/b:person[@role='project-manager'][b:qualification='物业管理师'])",
            kind: .boolean
        ),
        FactQuery(
            id: "emergency-response",
            expression: "/b:bid/b:capability/b:emergency-response/@minutes",
            kind: .number
        ),
        FactQuery(id: "spare-parts", expression: "/b:bid/b:capability/b:spare-parts/@stock-value", kind: .number),
        FactQuery(id: "equipment", expression: "count(/b:bid/b:capability/b:equipment/b:item)", kind: .number),
        FactQuery(
            id: "iso9001",
            expression:
                "boolean(/b:bid/b:quality/b:certification[@standard='ISO9001' and "
                + "translate(@valid-until, '-', '') >= 20201120])",
            kind: .boolean
        ),
        FactQuery(
            id: "association-rating",
            expression: "string(/b:bid/b:quality/b:association-rating/@grade)",
            kind: .text
        ),
        FactQuery(
            id: "client-satisfaction",
            expression:
                "sum(/b:bid/b:reputation/b:past-contract/@satisfaction) div count(/b:bid/b:reputation/b:past-contract)",
            kind: .number
        ),
        FactQuery(
            id: "comparable-contracts",
            expression: "count(/b:bid/b:reputation/b:past-contract[@year >= 2017 and @value >= 1500000])",
            kind: .number
        ),
        FactQuery(id: "any-text", expression: "string(//*[local-name()='name'][1])", kind: .text),
    ]

    static let importer: BidImporter = {
        do {
            return try BidImporter(
                queries: queries,
                namespaces: [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]
            )
        } catch {
            fatalError("fuzz queries do not compile: \(error)")
        }
    }()

    static let file = "fuzz-input.xml"

    /// Imported, or rejected with at least one diagnostic that says where; anything else is a finding.
    static func check(_ bytes: [UInt8]) {
        switch importer.importBid(bytes: bytes, file: file) {
        case .imported:
            break
        case .rejected(let rejectedFile, let diagnostics):
            guard rejectedFile == file else {
                fatalError("rejection names file \(rejectedFile), expected \(file)")
            }
            guard diagnostics.contains(where: { $0.severity == .error }) else {
                fatalError("bid rejected without an error diagnostic: \(diagnostics)")
            }
            guard diagnostics.contains(where: { $0.location?.file == file }) else {
                fatalError("bid rejected without a diagnostic that has a location: \(diagnostics)")
            }
            for diagnostic in diagnostics {
                guard let location = diagnostic.location else { continue }
                guard (location.line ?? 1) >= 1, (location.column ?? 1) >= 1 else {
                    fatalError("bid diagnostic at an impossible position: \(diagnostic)")
                }
            }
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBidImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    BidImportFuzzCheck.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct FuzzBidImportReplay {
    /// Runs each file named on the command line through the same check as the fuzzer.
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: fuzz-bid-import FILE...\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read file\n".utf8))
                exit(1)
            }
            BidImportFuzzCheck.check([UInt8](data))
            print("\(path): ok")
        }
    }
}
#endif
