public import Foundation

/// An exact reference computed outside Swift: a Python module (Python's `fractions`, never part of the product)
/// whose `check` the shared `reference_driver.py` runs on one case per line and prints "N cases, K disagreements", so a test can compare the engine with it.
public enum ReferenceScript {
    /// The interpreter, when the machine has one; tests that need it are skipped visibly without it.
    public static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    public struct Outcome: Sendable {
        public var status: Int32
        public var report: String

        /// Whether the script ran to the end and agreed with every one of `count` cases.
        public func agrees(onAll count: Int) -> Bool {
            status == 0 && report.contains("\(count) cases, 0 disagreements")
        }
    }

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "python3 is not installed" }
    }

    /// Runs `script` over `cases` written to a temporary file.
    public static func run(_ script: URL, cases: [String]) throws -> Outcome {
        guard let python else { throw Unavailable() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cases.txt")
        try Data((cases.joined(separator: "\n") + "\n").utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("reference_driver.py")
        process.arguments = [driver.path, script.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, report: report)
    }
}
