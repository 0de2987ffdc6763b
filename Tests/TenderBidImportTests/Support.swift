import Foundation
import TenderCore
import Testing

@testable import TenderBidImport

/// Loads a fixture written for these tests.
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
        "missing fixture \(name)"
    )
    return [UInt8](try Data(contentsOf: url))
}

/// `<repo>/../shared/corpus/<folder>`, or nil (with a printed skip notice, or a test failure when CI=true)
/// when the shared corpus is not on this machine.
func sharedCorpus(_ folder: String, filePath: String = #filePath) -> URL? {
    let repository = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
    let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/\(folder)")
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        return url
    }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("shared corpus folder \(url.path) is missing (required when CI=true)")
    } else {
        print("SKIPPED: shared corpus folder \(url.path) is missing; corpus test not run")
    }
    return nil
}

extension BidImportOutcome {
    var bid: Bid? {
        if case .imported(let bid, _) = self { return bid }
        return nil
    }

    var warnings: [String] {
        if case .imported(_, let warnings) = self { return warnings.map(\.description) }
        return []
    }

    var diagnostics: [String] {
        if case .rejected(_, let diagnostics) = self { return diagnostics.map(\.description) }
        return []
    }

    /// Every string the outcome carries, for leak checks.
    var allText: String {
        switch self {
        case .imported(let bid, let warnings):
            return String(describing: bid) + warnings.map(\.description).joined(separator: "\n")
        case .rejected(_, let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
