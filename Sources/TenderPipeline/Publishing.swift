public import TenderCore
import TenderFiles
import TenderModel

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
        try OutputFolder.publish(reports, to: folder, replace: replace, sha256: sha256)
    }
}
