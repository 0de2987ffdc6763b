import Foundation
import TenderCore
import Testing

@testable import TenderBidImport

/// Every input kept in Fixtures/fuzz-regressions (found by `scripts/fuzz.sh bid-import`, see its README) goes
/// through the importer with the fuzz target's queries: the importer returns, and the outcome is either an
/// imported bid or a rejection with at least one located error.
@Suite struct FuzzRegressionTests {
    static let folder = "fuzz-regressions"

    /// The file names in the folder, except its README.
    static let inputs: [String] = {
        guard let url = Bundle.module.url(forResource: folder, withExtension: nil, subdirectory: "Fixtures"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
        else { return [] }
        return names.filter { $0 != "README.md" }.sorted()
    }()

    /// The same fact queries as Sources/fuzz-bid-import (a subset of the example rubric's expressions).
    static let queries: [FactQuery] = [
        FactQuery(
            id: "gate:business-licence",
            expression: "boolean(/b:bid/b:bidder/b:registration-id[@scheme='USCC'])",
            kind: .boolean
        ),
        FactQuery(id: "price", expression: "number(/b:bid/b:price/b:total)", kind: .number),
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
        FactQuery(id: "any-text", expression: "string(//*[local-name()='name'][1])", kind: .text),
    ]

    @Test func folderIsBundled() throws {
        let url = try #require(
            Bundle.module.url(forResource: Self.folder, withExtension: nil, subdirectory: "Fixtures"),
            "Fixtures/\(Self.folder) is missing from the test bundle"
        )
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path))
    }

    @Test(arguments: inputs)
    func importerReturnsAnImportOrALocatedRejection(_ name: String) throws {
        let importer = try BidImporter(
            queries: Self.queries,
            namespaces: [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]
        )
        let bytes = try fixture("\(Self.folder)/\(name)")
        switch importer.importBid(bytes: bytes, file: name) {
        case .imported(let bid, _):
            #expect(bid.file == name)
        case .rejected(let file, let diagnostics):
            #expect(file == name)
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(!errors.isEmpty, "rejected without an error: \(diagnostics)")
            #expect(
                errors.contains { $0.location?.file == name },
                "no error says where: \(diagnostics)"
            )
        }
    }
}
