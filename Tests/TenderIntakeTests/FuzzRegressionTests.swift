import Foundation
import TenderCore
import TenderFuzzChecks
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderIntake

/// Every input kept in Fixtures/fuzz-regressions (found by `scripts/fuzz.sh bid-import`, see its README) goes
/// through the importer with the fuzz target's queries: the importer returns, and the outcome is either an
/// imported bid or a rejection with at least one located error.
@Suite struct FuzzRegressionTests {
    static let folder = "fuzz-regressions"

    /// The file names in the folder, except its README.
    static let inputs = FixtureFolder.inputNames(
        Bundle.module.url(forResource: folder, withExtension: nil, subdirectory: "Fixtures")
    )

    @Test func folderIsBundled() throws {
        let url = try #require(
            Bundle.module.url(forResource: Self.folder, withExtension: nil, subdirectory: "Fixtures"),
            "Fixtures/\(Self.folder) is missing from the test bundle"
        )
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path))
    }

    @Test(arguments: inputs)
    func importerReturnsAnImportOrALocatedRejection(_ name: String) throws {
        #expect(FuzzChecks.bidImportProblem(try fixture("\(Self.folder)/\(name)"), file: name) == nil)
    }
}
