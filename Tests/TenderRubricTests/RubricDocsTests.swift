import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

/// Keeps docs/rubric.md honest: its complete example must load without errors or warnings.
@Suite struct RubricDocsTests {
    @Test func completeExampleInTheReferenceLoads() throws {
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let page = try String(contentsOf: repoRoot.appendingPathComponent("docs/rubric.md"), encoding: .utf8)
        let section = try #require(page.range(of: "## Complete example"))
        let afterHeading = page[section.upperBound...]
        let start = try #require(afterHeading.range(of: "```yaml\n"))
        let end = try #require(afterHeading[start.upperBound...].range(of: "```"))
        let yaml = String(afterHeading[start.upperBound..<end.lowerBound])
        let loaded = try RubricLoader.load(bytes: Array(yaml.utf8), file: "docs/rubric.md")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.rubric.groups.map(\.id) == ["price", "capability", "quality", "reputation"])
        #expect(loaded.rubric.gates.count == 4)
        #expect(loaded.rubric.factQueries.count == 6)
    }
}
