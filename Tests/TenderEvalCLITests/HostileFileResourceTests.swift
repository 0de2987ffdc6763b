import Foundation
import TenderTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 4: every hostile file, through `inspect` and through `score`, finishes quickly with bounded memory,
/// measured on the real process (peak resident set size from wait4), one process per file.
@Suite struct HostileFileResourceTests {
    struct Usage {
        var status: Int32
        var peakKilobytes: Int
        /// The test runner's own peak, read after the child ended (see the memory check below).
        var runnerPeakKilobytes: Int
        var seconds: Double
    }

    /// Runs the binary with stdout and stderr discarded and returns its exit status and resource usage.
    static func measure(_ arguments: [String]) throws -> Usage {
        let argv = [CLI.binary.path] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, CLI.binary.path, &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = ContinuousClock.now - start
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        var own = rusage()
        _ = getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &own)
        return Usage(
            status: exitStatus,
            peakKilobytes: Int(usage.ru_maxrss),
            runnerPeakKilobytes: Int(own.ru_maxrss),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        )
    }

    @Test func everyHostileFileIsHandledQuicklyInBoundedMemory() throws {
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
                #expect([0, 1, 2].contains(usage.status), "\(arguments[0]) \(name) exited with \(usage.status)")
                #expect(usage.peakKilobytes > 1024, "the measurement of \(name) is not real")
                // On Linux, exec records the spawning process's peak in the child's ru_maxrss, so the figure is
                // the larger of the test runner's peak and the child's: only a figure above the runner's own peak
                // is the child's. (Under AddressSanitizer the runner alone is far above 100 MB.)
                #expect(
                    usage.peakKilobytes < 100 * 1024 || usage.peakKilobytes <= usage.runnerPeakKilobytes,
                    "\(arguments[0]) \(name) peaked at \(usage.peakKilobytes) KiB"
                )
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
    }
}
