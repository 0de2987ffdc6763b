import Foundation
public import TenderCore

extension OutputFolder {
    /// Replaces the file at `path` with `bytes` atomically (a temporary file beside it, renamed over it), so an
    /// interrupted seal leaves the decisions file either as it was or complete.
    public static func replaceFile(atPath path: String, with bytes: [UInt8]) throws(DiagnosticError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DiagnosticError(
                .error(
                    "cannot write the file: \(error.localizedDescription)",
                    at: SourceLocation(file: VisibleText.escaped(path))
                )
            )
        }
    }
}
