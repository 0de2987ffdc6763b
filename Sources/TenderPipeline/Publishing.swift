import Foundation
public import TenderCore
import TenderFiles
import TenderModel

#if canImport(Glibc)
import Glibc
#endif

extension ScorePipeline {
    /// Writes the reports into `folder` all at once; `replace` (`--force`) replaces only reports this tool wrote,
    /// recognised by the SHA-256 the previous run's manifest recorded for each.
    ///
    /// - Returns: notes for the user.
    public static func publish(
        _ reports: [(name: String, bytes: [UInt8])],
        to folder: String,
        replace: Bool
    ) throws(DiagnosticError) -> [Diagnostic] {
        let fault = ProcessInfo.processInfo.environment[faultVariable].flatMap(OutputFolder.Step.init(rawValue:))
        return try OutputFolder.publish(reports, to: folder, replace: replace, sha256: sha256) { step in
            if step == fault { kill(getpid(), SIGKILL) }
        }
    }

    /// Fault injection for the tests of atomic publishing: `TENDER_EVAL_FAULT=<step>` (one of
    /// `OutputFolder.Step`'s raw values) makes the process kill itself with SIGKILL when publishing reaches that
    /// step, so a test can stop a run at an exact moment instead of racing a timer.
    public static let faultVariable = "TENDER_EVAL_FAULT"
}
