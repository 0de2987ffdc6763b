import Foundation
import TenderCore
import TenderFuzzChecks
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderRubric

/// Every input kept in Fixtures/fuzz-regressions (found by `scripts/fuzz.sh rubric`, see its README) goes through
/// the loader: it returns a rubric (whose fact expressions can be listed) or throws errors that each say where
/// in the file they are.
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
    func loaderReturnsARubricOrLocatedErrors(_ name: String) throws {
        #expect(FuzzChecks.rubricProblem(try RubricFixtures.bytes("\(Self.folder)/\(name)"), file: name) == nil)
    }
}
