public import Foundation
public import Testing

/// Compares `actual` with the golden file `<goldenFolder>/<name>` in the source tree. When the file is missing,
/// or when `RECORD_GOLDEN=1`, it writes `actual` there and records an issue, so a recording run never passes.
public func expectGolden(
    _ actual: [UInt8],
    named name: String,
    in goldenFolder: URL,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let url = goldenFolder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    let expected = try? Data(contentsOf: url)
    if recording || expected == nil {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(actual).write(to: url)
            Issue.record(
                "recorded golden file \(url.path); check it and run the tests again without RECORD_GOLDEN",
                sourceLocation: sourceLocation
            )
        } catch {
            Issue.record("cannot write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected, [UInt8](expected) != actual else { return }
    let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
    let actualLines = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
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

public func expectGolden(
    _ actual: String,
    named name: String,
    in goldenFolder: URL,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    expectGolden(Array(actual.utf8), named: name, in: goldenFolder, sourceLocation: sourceLocation)
}
