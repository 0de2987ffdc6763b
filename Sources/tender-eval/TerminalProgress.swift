import Foundation
import TenderPipeline

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error while `score` works, only when standard error is a terminal: redirected
/// output (a log, a test, CI) gets none of it.
struct TerminalProgress {
    let enabled = isatty(STDERR_FILENO) == 1

    func show(_ progress: ScoreProgress) {
        guard enabled else { return }
        let text: String
        switch progress {
        case .importing(let done, let total): text = "reading bids: \(done) of \(total)"
        case .evaluating: text = "scoring and ranking …"
        case .rendering: text = "writing the reports …"
        }
        // Carriage return and erase-line: the line is rewritten in place.
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Erases the progress line before anything else is printed.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
