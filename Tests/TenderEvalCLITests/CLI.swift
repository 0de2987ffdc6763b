import Foundation
import TenderTestSupport

/// Runs the built `tender-eval` binary from the repository root, the way the README tells users to.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // SwiftPM builds the executable next to the test bundle.
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("tender-eval")
    }

    static let root = SharedData.repositoryRoot

    static func run(_ arguments: [String], in directory: URL = root) throws -> Result {
        try runProgram(binary.path, arguments, in: directory)
    }

    static func runProgram(_ program: String, _ arguments: [String], in directory: URL = root) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    /// A new empty folder under the system temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "tender-eval-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(in folder: URL) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return result
    }

    static let fixtures = root.appendingPathComponent("Tests/TenderEvalCLITests/Fixtures")
}
