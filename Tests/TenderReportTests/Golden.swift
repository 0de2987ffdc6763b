import Foundation
import Testing

/// Compares `actual` with the golden file `Fixtures/golden/<name>` as built into the test bundle. When the file
/// is missing, or when `RECORD_GOLDEN=1`, it writes `actual` into the source tree next to this test file and
/// records an issue, so a recording run never passes silently.
func expectGolden(
    _ actual: String,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let sourceURL = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/\(name)")
    let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    let bundled = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/golden/\(name)")
    let expected = bundled.flatMap { try? Data(contentsOf: $0) }
    let actualData = Data(actual.utf8)
    if recording || expected == nil {
        do {
            try FileManager.default.createDirectory(
                at: sourceURL.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try actualData.write(to: sourceURL)
            Issue.record(
                "recorded golden file \(sourceURL.path); check it and run the tests again without RECORD_GOLDEN",
                sourceLocation: sourceLocation
            )
        } catch {
            Issue.record("cannot write golden file \(sourceURL.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected, expected != actualData else { return }
    let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let firstDifference =
        zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
    let expectedLine = firstDifference < expectedLines.count ? expectedLines[firstDifference] : "<end of file>"
    let actualLine = firstDifference < actualLines.count ? actualLines[firstDifference] : "<end of file>"
    Issue.record(
        """
        \(name) differs from the golden file at line \(firstDifference + 1) \
        (run with RECORD_GOLDEN=1 to re-record after checking the change)
        expected: \(expectedLine)
        actual:   \(actualLine)
        """,
        sourceLocation: sourceLocation
    )
}
