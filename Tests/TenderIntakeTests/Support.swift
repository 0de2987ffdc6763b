import Foundation
import TenderCore
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderIntake

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
func sharedCorpus(_ folder: String) -> URL? {
    SharedData.folder("corpus/\(folder)")
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
