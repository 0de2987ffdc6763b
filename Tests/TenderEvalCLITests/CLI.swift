import Foundation
import TenderTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `tender-eval` binary from the repository root, the way the README tells users to.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The process outlived its time limit and was killed: a hang, which a test must report as a failure.
        var timedOut = false
        /// The signal that ended the process, when one did.
        var signal: Int32?
    }

    static var binary: URL {
        // SwiftPM builds the executable next to the test bundle.
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("tender-eval")
    }

    /// The developer tool that writes synthetic tenders (`tender-eval-bench files`), built beside the product.
    static var bench: URL {
        binary.deletingLastPathComponent().appendingPathComponent("tender-eval-bench")
    }

    static let root = SharedData.repositoryRoot

    /// Every run has a time limit, so an input that makes the tool hang fails its test instead of stalling the
    /// suite. The default is far above any honest run of the example tender, even on a loaded machine.
    static let defaultTimeLimit: TimeInterval = 120

    static func run(
        _ arguments: [String],
        in directory: URL = root,
        timeLimit: TimeInterval = defaultTimeLimit,
        environment: [String: String] = [:]
    ) throws -> Result {
        try runProgram(binary.path, arguments, in: directory, timeLimit: timeLimit, environment: environment)
    }

    static func runProgram(
        _ program: String,
        _ arguments: [String],
        in directory: URL = root,
        timeLimit: TimeInterval = defaultTimeLimit,
        environment: [String: String] = [:]
    ) throws -> Result {
        // Output goes to files, not pipes: a child that writes a lot to both streams cannot block on a full
        // pipe while the test waits for it.
        let capture = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout")
        let errURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
            timedOut: timedOut,
            signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
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
