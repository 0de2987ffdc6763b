import Foundation
import TenderTestSupport
import Testing

/// Issue 4: every hostile file, through `inspect` and through `score`, finishes quickly with bounded memory,
/// measured on the real process (peak resident set size from wait4), one process per file.
@Suite struct HostileFileResourceTests {
    struct Usage {
        var status: Int32
        var peakKilobytes: Int
        var seconds: Double
    }

    /// Runs the binary through a small Python parent that forks, execs it and reads its `wait4` usage. On Linux a
    /// child's `ru_maxrss` starts from the peak of the process it was spawned from, so spawning from the (large)
    /// test runner would report the runner's peak; Python's is about 10 MB.
    static let trampoline = """
        import os, sys, time
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            null = os.open("/dev/null", os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            os.execv(sys.argv[1], sys.argv[1:])
        _, status, usage = os.wait4(pid, 0)
        print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, time.monotonic() - start)
        """

    static func measure(_ arguments: [String]) throws -> Usage {
        let result = try CLI.runProgram("/usr/bin/env", ["python3", "-c", trampoline, CLI.binary.path] + arguments)
        let fields = result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 3, let status = Int32(fields[0]), let peak = Int(fields[1]),
            let seconds = Double(fields[2])
        else { throw CocoaError(.executableLoad) }
        // A signal shows as a negative code from Python; report it the way a shell does.
        return Usage(status: status < 0 ? 128 - status : status, peakKilobytes: peak, seconds: seconds)
    }

    /// Under AddressSanitizer the shadow memory alone exceeds the bound; that run checks memory errors instead.
    static let sanitized = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil

    @Test(.enabled(if: SharedData.available("corpus/hostile"), "needs ../shared/corpus/hostile beside the clone"))
    func everyHostileFileIsHandledQuicklyInBoundedMemory() throws {
        guard let hostile = SharedData.folder("corpus/hostile") else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: hostile.path).filter { $0.hasSuffix(".xml") }
            .sorted()
        #expect(files.count >= 30)
        let rubric = CLI.root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml").path
        for name in files {
            let path = hostile.appendingPathComponent(name).path
            for arguments in [["inspect", path], ["score", rubric, path, "--lang", "en"]] {
                let usage = try Self.measure(arguments)
                // 1 (bad input) or 2 (too few valid bids); never a crash (signals show as 128 + n).
                #expect([0, 1, 2, 3, 4].contains(usage.status), "\(arguments[0]) \(name) exited with \(usage.status)")
                #expect(usage.peakKilobytes > 1024, "the measurement of \(name) is not real")
                if !Self.sanitized {
                    #expect(
                        usage.peakKilobytes < 100 * 1024,
                        "\(arguments[0]) \(name) peaked at \(usage.peakKilobytes) KiB"
                    )
                }
                // A hang guard, loose on purpose: the machine is shared; a real hang takes far longer.
                #expect(usage.seconds < 5, "\(arguments[0]) \(name) took \(usage.seconds) s")
            }
        }
    }

    @Test func limitsCanBeChangedFromTheCommandLine() throws {
        let bid = "bids/huangyan-logistics-2020/01-anlan.xml"
        let deep = try CLI.run(["inspect", "--max-depth", "3", bid])
        #expect(deep.status == 1)
        #expect(deep.stderr.contains("\(bid):"))
        #expect(deep.stderr.contains("3"))
        let small = try CLI.run(["inspect", "--max-file-size", "100", bid])
        #expect(small.status == 1)
        #expect(small.stderr.contains("larger than the limit of 100 bytes"))
        #expect(try CLI.run(["inspect", "--max-depth", "0", bid]).status == 64)
        let deepest = try CLI.run(["inspect", "--max-depth", "1000", bid])
        #expect(deepest.status == 64)
        #expect(deepest.stderr.contains("--max-depth must be from 1 to 256"))
        #expect(try CLI.run(["inspect", "--max-file-size", "9223372036854775807", bid]).status == 64)
    }
}
