import Foundation
import TenderTestSupport
import Testing

/// The report renderers' golden files, `Fixtures/golden/<name>` beside this file.
func expectGolden(
    _ actual: String,
    named name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    TenderTestSupport.expectGolden(actual, named: name, in: folder, sourceLocation: sourceLocation)
}
