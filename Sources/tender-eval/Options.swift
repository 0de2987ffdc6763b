import ArgumentParser
import Foundation
import TenderCore
import TenderModel

/// Limits on untrusted bid files, shared by every command that reads bids.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest bid file read, in bytes.")
    var maxFileSize = ImportLimits().maximumFileBytes

    @Option(help: "Deepest element nesting accepted in a bid.")
    var maxDepth = ImportLimits().maximumDepth

    @Option(help: "Longest text accepted in one element or attribute, in bytes.")
    var maxTextLength = ImportLimits().maximumTextLength

    @Option(help: "Most attachments one bid may list.")
    var maxAttachments = ImportLimits().maximumAttachments

    @Option(
        help: ArgumentHelp(
            "Most XPath operations the rubric's expressions may take in one bid.",
            discussion: "A bid that needs more is not evaluated, with the reason; the other bids go on."
        )
    )
    var maxXpathOperations = ImportLimits().maximumXPathOperations

    @Option(
        help: ArgumentHelp(
            "Most seconds one bid may take to be read and have the rubric's expressions evaluated.",
            discussion: "A safety net for work the operation count misses; a bid over it is not evaluated, with the "
                + "reason, and the other bids go on. Unlike the operation count, its outcome can depend on the machine."
        )
    )
    var maxSecondsPerBid = ImportLimits().maximumSecondsPerBid

    func validate() throws {
        // libxml2 reads at most 2 GiB - 1 bytes in one document and nests at most 256 elements without its
        // "huge" mode, which bids never get.
        let largest = Int(Int32.max)
        for (name, value, maximum) in [
            ("--max-file-size", maxFileSize, largest), ("--max-depth", maxDepth, 256),
            ("--max-text-length", maxTextLength, largest), ("--max-attachments", maxAttachments, largest),
            ("--max-xpath-operations", maxXpathOperations, Int.max),
            // A day: far beyond any bid, and small enough for the deadline arithmetic.
            ("--max-seconds-per-bid", maxSecondsPerBid, 86_400),
        ] where value < 1 || value > maximum {
            throw ValidationError("\(name) must be from 1 to \(maximum)")
        }
    }

    var limits: ImportLimits {
        ImportLimits(
            maximumFileBytes: maxFileSize,
            maximumDepth: maxDepth,
            maximumTextLength: maxTextLength,
            maximumAttachments: maxAttachments,
            maximumXPathOperations: maxXpathOperations,
            maximumSecondsPerBid: maxSecondsPerBid
        )
    }
}

/// `--lang`, kept local so the library's `ReportLanguage` needs no argument-parser conformance.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh
    case en

    var language: ReportLanguage {
        self == .zh ? .zh : .en
    }
}

/// Writes diagnostics to standard error, one per line.
enum Console {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(diagnostic.description)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
