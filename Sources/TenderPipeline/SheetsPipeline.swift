import Foundation
public import TenderCore
import TenderFiles
import TenderIntake
public import TenderModel
import TenderReport
import TenderRubric
import TenderSpreadsheet

/// `tender-eval sheets`: one blank score sheet per committee member, as CSV, as `.xlsx` (validated, protected input
/// cells) and as a printable HTML page.
public enum SheetsPipeline {
    public struct Request: Sendable {
        public var rubricPath: String
        public var bidPaths: [String]
        public var bidListPaths: [String]
        /// nil: the `committee.yaml` in a bids folder.
        public var committeePath: String?
        public var limits: ImportLimits
        public var language: ReportLanguage

        public init(
            rubricPath: String,
            bidPaths: [String],
            bidListPaths: [String] = [],
            committeePath: String?,
            limits: ImportLimits,
            language: ReportLanguage
        ) {
            self.rubricPath = rubricPath
            self.bidPaths = bidPaths
            self.bidListPaths = bidListPaths
            self.committeePath = committeePath
            self.limits = limits
            self.language = language
        }
    }

    public struct Run: Sendable {
        /// The sheets (three files per member) and the manifest, by file name.
        public var files: [(name: String, bytes: [UInt8])]
        public var sheets: [MemberSheet]
        /// The rubric's evaluation date, stamped into each `.xlsx` as its creation date.
        public var evaluationDate: String
        /// Policy errors about the committee and the bids that could not be read, for standard error.
        public var diagnostics: [Diagnostic]
    }

    /// - Throws: a wrong rubric or committee file, a missing committee, or no bid that could be read.
    public static func run(_ request: Request) throws(DiagnosticError) -> Run {
        let rubricBytes = try InputFiles.read(request.rubricPath, limit: RubricLimits.maximumFileSize, as: .rubric)
            .get()
        let rubricFile = VisibleText.escaped(request.rubricPath)
        let rubric = try RubricLoader.load(bytes: rubricBytes, file: rubricFile).rubric
        var bidPaths = request.bidPaths
        var listProblems = DiagnosticCollector()
        for list in request.bidListPaths {
            do {
                bidPaths += try PathList.read(list)
            } catch {
                listProblems.append(contentsOf: error.diagnostics)
            }
        }
        try listProblems.throwIfErrors()
        let inventory = try InputFiles.inventory(
            bidPaths: bidPaths,
            sheetPaths: [],
            committeePath: request.committeePath
        )
        guard let committee = try CommitteeInput.load(inventory, rubric: rubric) else {
            throw DiagnosticError(
                .error(
                    "no committee file: put \(CommitteeFile.defaultName) in the bids folder or name it with "
                        + "--committee",
                    at: SourceLocation(file: bidPaths.first.map(VisibleText.escaped) ?? rubricFile)
                )
            )
        }
        // Sheets name bidders only: the facts (never a price) are not needed, so no rubric expression is run.
        let importer = try BidImporter(queries: [], namespaces: rubric.namespaces, limits: request.limits)
        var diagnostics = committee.policyErrors
        var bidders: [SheetBidder] = []
        for file in inventory.bids {
            switch InputFiles.read(file, limit: request.limits.maximumFileBytes, as: .bid) {
            case .success(let bytes):
                switch importer.importBatch([(file.display, bytes)]).outcomes.first {
                case .imported(let bid, _)?:
                    bidders.append(SheetBidder(name: bid.bidder.name, registrationID: bid.bidder.registrationID))
                case .rejected(_, let problems)?:
                    diagnostics += problems
                case nil:
                    break
                }
            case .failure(let error):
                diagnostics += error.diagnostics
            }
        }
        guard !bidders.isEmpty else {
            throw DiagnosticError(diagnostics + [.error("no bid could be read, so there is nobody to score")])
        }
        let sheets: [MemberSheet]
        do {
            sheets = try MemberSheetBuilder.sheets(
                rubric: rubric,
                committee: committee.committee,
                bidders: bidders,
                language: request.language
            )
        } catch {
            throw DiagnosticError(
                .error("a criterion's points are out of range: \(error)", at: SourceLocation(file: rubricFile))
            )
        }
        var files: [(name: String, bytes: [UInt8])] = []
        for (index, sheet) in sheets.enumerated() {
            let base = fileName(index: index, memberID: sheet.member.id)
            files.append((base + ".csv", MemberSheetCSV.render(sheet)))
            files.append((base + ".html", MemberSheetHTML.render(sheet)))
            files.append((base + ".xlsx", try xlsx(sheet, createdOn: rubric.tender.evaluationDate, file: base)))
        }
        let manifest = ManifestRenderer.render(
            toolVersion: ToolVersion.current,
            inputs: [(rubricFile, SHA256Digest.hex(rubricBytes)), (committee.committee.file, committee.sha256)],
            outputs: files.map { (path: $0.name, sha256: SHA256Digest.hex($0.bytes)) }
        )
        files.append(("manifest.json", Array(manifest.utf8)))
        return Run(
            files: files,
            sheets: sheets,
            evaluationDate: rubric.tender.evaluationDate,
            diagnostics: diagnostics
        )
    }

    /// The sheet as `.xlsx` bytes (libxlsxwriter writes through a scratch file in the system's temporary folder).
    static func xlsx(_ sheet: MemberSheet, createdOn: String, file: String) throws(DiagnosticError) -> [UInt8] {
        do {
            return try XLSXWriter.data(
                for: MemberSheetWorkbook.workbook(sheet, createdOn: createdOn),
                temporaryFolder: FileManager.default.temporaryDirectory.path
            )
        } catch {
            throw DiagnosticError(.error("cannot write the sheet: \(error)", at: SourceLocation(file: file + ".xlsx")))
        }
    }

    /// `sheet-01-评委1`: the position keeps names unique and in committee order; the id is kept where it is made of
    /// letters, digits, `-` and `_`, anything else (a slash, a dot, a space) becomes `_`.
    public static func fileName(index: Int, memberID: String) -> String {
        let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
        let safe = String(
            memberID.prefix(40).map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        )
        return "sheet-\(number)-\(safe)"
    }
}
