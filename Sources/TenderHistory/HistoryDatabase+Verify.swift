import GRDB
public import TenderCore
import TenderModel

extension HistoryDatabase {
    /// Checks that nothing was changed outside tender-eval: each contract's plan against its SHA-256, each record
    /// batch's rows against the hash taken at import, and each contract's corrections as a chain (numbers 1, 2, …
    /// without a gap, `previous` equal to the previous entry's hash, `hash` equal to the SHA-256 of the entry's
    /// canonical form). Returns one error per finding, located at the database; empty when all is intact.
    public func verify() throws(DiagnosticError) -> [Diagnostic] {
        let location = SourceLocation(file: path)
        let findings: [String] = try read { db in
            var findings: [String] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM contract ORDER BY id") {
                let contract = Self.contract(row)
                let digest = sha256(contract.planBytes)
                if digest != contract.planSHA256 {
                    findings.append(
                        "contract \(contract.id): the stored plan no longer matches its SHA-256 (stored "
                            + "\(contract.planSHA256), now \(digest)); it was changed outside tender-eval"
                    )
                }
                findings += try verifyBatches(db, contractID: contract.id)
                findings += try verifyCorrections(db, contractID: contract.id)
            }
            return findings
        }
        return findings.map { .error($0, at: location) }
    }

    private func verifyBatches(_ db: Database, contractID: String) throws -> [String] {
        var findings: [String] = []
        let batches = try Row.fetchAll(
            db,
            sql: "SELECT * FROM record_batch WHERE contract_id = ? ORDER BY month, source",
            arguments: [contractID]
        )
        for row in batches {
            let monthText: String = row["month"]
            let sourceText: String = row["source"]
            let what = "contract \(contractID), \(sourceText) for \(monthText)"
            guard let month = YearMonth(monthText), let source = PerformanceSource(rawValue: sourceText) else {
                findings.append("\(what): the batch's month or source cannot be read; it was changed by hand")
                continue
            }
            let sheet = RecordedSheet(
                source: source,
                file: row["file"],
                sha256: row["file_sha256"],
                recordedOn: row["recorded_on"]
            )
            let records = try Self.rows(db, batchID: row["id"], sheet: sheet)
            let stored: String = row["rows_sha256"]
            let digest = sha256(
                BatchCanonicalForm.bytes(contractID: contractID, month: month, sheet: sheet, records: records)
            )
            if digest != stored {
                findings.append(
                    "\(what) (from \(sheet.file)): the recorded rows no longer match the hash taken when they were "
                        + "imported (stored \(stored), now \(digest)); they were changed outside tender-eval"
                )
            }
        }
        return findings
    }

    private func verifyCorrections(_ db: Database, contractID: String) throws -> [String] {
        var findings: [String] = []
        var previous: PerformanceCorrection?
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT * FROM correction WHERE contract_id = ? ORDER BY number",
            arguments: [contractID]
        )
        for row in rows {
            guard let correction = try? Self.correction(row) else {
                findings.append(
                    "contract \(contractID), correction \(row["number"] as Int): its target cannot be read; it was "
                        + "changed by hand"
                )
                continue
            }
            let what = "contract \(contractID), correction \(correction.number)"
            let expectedNumber = (previous?.number ?? 0) + 1
            if correction.number != expectedNumber {
                findings.append(
                    "\(what) follows correction \(expectedNumber - 1): a correction is missing from the chain"
                )
            }
            if correction.previous != previous?.hash {
                findings.append(
                    "\(what): its previous hash is \(correction.previous ?? "absent") but the entry before it has "
                        + "\(previous?.hash ?? "none"); the chain is broken"
                )
            }
            let digest = sha256(CorrectionCanonicalForm.bytes(correction))
            if digest != correction.hash {
                findings.append(
                    "\(what): its contents no longer match its hash (stored \(correction.hash), now \(digest)); it "
                        + "was changed outside tender-eval"
                )
            }
            previous = correction
        }
        return findings
    }
}
