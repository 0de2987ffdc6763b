import Foundation
import TenderTestSupport
import Testing

/// The monthly performance evaluation through the built binary: record, score, correct, report, migrate; a
/// killed import; bad sheets. The fixture month (Fixtures/performance/2021-05) is computed by hand:
/// survey (100+100+80+100+0+100+80)/7 = 80 → 40 × 80/100 = 32; teams (95+100)/2 = 97.5 → 19.5;
/// departments (95+96.5)/2 = 95.75 → 38.3; 32 + 19.5 + 38.3 − 1.5 = 88.30, qualified.
@Suite(.serialized) struct PerformanceCLITests {
    static let fixture = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/performance")
    static var plan: String { fixture.appendingPathComponent("plan.yaml").path }
    static func sheet(_ name: String) -> String {
        fixture.appendingPathComponent("2021-05").appendingPathComponent(name).path
    }

    static func recordMay(db: String, extra: [String] = [], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(
            [
                "perf", "record", "--plan", plan, "--month", "2021-05", "--survey", sheet("survey.csv"),
                "--team", sheet("team.csv"), "--department", sheet("department.csv"), "--patrol",
                sheet("patrol.csv"), "--date", "2021-06-03", "--db", db,
            ] + extra,
            environment: environment
        )
    }

    /// Every row of every table, in a stable order: two databases with the same rows dump the same.
    static func dump(_ db: String) throws -> String {
        let tables = try CLI.runProgram("/usr/bin/sqlite3", [db, ".tables"]).stdout
            .split(whereSeparator: \.isWhitespace).map(String.init).sorted()
        var text = ""
        for table in tables {
            text += "== \(table)\n"
            text += try CLI.runProgram("/usr/bin/sqlite3", [db, "SELECT * FROM \"\(table)\" ORDER BY 1, 2"]).stdout
        }
        return text
    }

    static var hasSQLite3: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") }

    @Test func recordsScoresAndReportsAMonth() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        let recorded = try Self.recordMay(db: db)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("TEST-HT-01 2021-05 survey: 4 records"), "\(recorded.stdout)")

        let month = try CLI.run([
            "perf", "month", "--plan", Self.plan, "--month", "2021-05", "--date", "2021-06-04", "--db", db,
        ])
        #expect(month.status == 0, "\(month.stderr)")
        #expect(month.stdout.contains("TEST-HT-01 2021-05: 88.30 合格 (qualified)"), "\(month.stdout)")

        let out = folder.appendingPathComponent("reports")
        let report = try CLI.run([
            "perf", "report", "--plan", Self.plan, "--out", out.path, "--db", db, "--lang", "en",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let monthly = try String(contentsOf: out.appendingPathComponent("months/2021-05.md"), encoding: .utf8)
        #expect(monthly.contains("88.30"))
        #expect(monthly.contains("40 × 80 / 100 = 32"), "\(monthly.prefix(3000))")
        let period = try String(contentsOf: out.appendingPathComponent("period.html"), encoding: .utf8)
        #expect(period.contains("<svg"))

        // Same database, same bytes.
        let again = folder.appendingPathComponent("again")
        _ = try CLI.run(["perf", "report", "--plan", Self.plan, "--out", again.path, "--db", db, "--lang", "en"])
        let names = ["period.md", "period.html", "period.csv", "period.json", "months/2021-05.html", "manifest.json"]
        for name in names {
            let first = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(first == (try Data(contentsOf: again.appendingPathComponent(name))), "\(name) differs")
        }
    }

    @Test func reportsAreReplacedWithForceButNeverAFileTheToolDidNotWrite() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        #expect(try Self.recordMay(db: db).status == 0)
        #expect(try CLI.run(["perf", "month", "--plan", Self.plan, "--month", "2021-05", "--db", db]).status == 0)
        let out = folder.appendingPathComponent("reports")
        let report = ["perf", "report", "--plan", Self.plan, "--out", out.path, "--db", db]
        #expect(try CLI.run(report).status == 0)
        let refused = try CLI.run(report)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds reports; pass --force"), "\(refused.stderr)")
        #expect(try CLI.run(report + ["--force"]).status == 0)
        let notes = out.appendingPathComponent("months/notes.txt")
        try Data("mine\n".utf8).write(to: notes)
        let kept = try CLI.run(report + ["--force"])
        #expect(kept.status == 1)
        #expect(kept.stderr.contains("months/notes.txt"), "\(kept.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "mine\n")
    }

    @Test func recordingASourceTwiceIsRefusedAndChangesNothing() throws {
        let db = try CLI.temporaryFolder().appendingPathComponent("history.sqlite").path
        #expect(try Self.recordMay(db: db).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let second = try Self.recordMay(db: db)
        #expect(second.status == 1)
        #expect(second.stderr.contains("survey for 2021-05 was already recorded on 2021-06-03"), "\(second.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test(.enabled(if: hasSQLite3, "needs the sqlite3 program to dump the database"))
    func aKilledImportLeavesTheDatabaseAsItWas() throws {
        let db = try CLI.temporaryFolder().appendingPathComponent("history.sqlite").path
        let migrated = try CLI.run(["history", "migrate", "--db", db])
        #expect(migrated.status == 0, "\(migrated.stderr)")
        let before = try Self.dump(db)
        for point in ["after-contract", "after-records", "before-commit"] {
            let killed = try Self.recordMay(db: db, environment: ["TENDER_EVAL_FAULT": point])
            #expect(killed.signal == SIGKILL, "\(point): \(killed.status) \(killed.stderr)")
            #expect(try Self.dump(db) == before, "\(point): the database changed")
        }
        // And the import still works afterwards.
        #expect(try Self.recordMay(db: db).status == 0)
        #expect(try Self.dump(db) != before)
    }

    @Test func migrateTwiceIsSafe() throws {
        let db = try CLI.temporaryFolder().appendingPathComponent("history.sqlite").path
        let first = try CLI.run(["history", "migrate", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("applied v1-contracts-and-records, v2-standing-events"), "\(first.stdout)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let second = try CLI.run(["history", "migrate", "--db", db])
        #expect(second.status == 0)
        #expect(second.stdout.contains("already current; nothing changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
    }

    @Test func aFileThatIsNotAHistoryDatabaseIsRefusedUntouched() throws {
        let folder = try CLI.temporaryFolder()
        let notes = folder.appendingPathComponent("notes.sqlite")
        try Data("not a database\n".utf8).write(to: notes)
        let result = try CLI.run(["history", "migrate", "--db", notes.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes.sqlite"), "\(result.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "not a database\n")
    }

    @Test func aBadSheetIsReportedAtItsCellAndNothingIsRecorded() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        let bad = folder.appendingPathComponent("department.csv")
        try Data("科室,项目,得分,理由\n办公室,cleaning,61,\n办公室,conference,40,\n财务科,cleaning,60,\n财务科,conference,40,\n".utf8)
            .write(to: bad)
        let result = try CLI.run([
            "perf", "record", "--plan", Self.plan, "--month", "2021-05", "--survey", Self.sheet("survey.csv"),
            "--department", bad.path, "--db", db,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad.path):2:"), "\(result.stderr)")
        #expect(result.stderr.contains("61"), "\(result.stderr)")
        // The good survey sheet was not recorded either: recording is all or nothing.
        let survey = try CLI.run([
            "perf", "record", "--plan", Self.plan, "--month", "2021-05", "--survey", Self.sheet("survey.csv"),
            "--date", "2021-06-03", "--db", db,
        ])
        #expect(survey.status == 0, "\(survey.stderr)")
    }

    @Test func aCorrectionIsRecordedWithItsReasonAndTheMonthComputedAgain() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        #expect(try Self.recordMay(db: db).status == 0)
        let first = try CLI.run(["perf", "month", "--plan", Self.plan, "--month", "2021-05", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")

        let stale = try CLI.run([
            "perf", "correct", "--plan", Self.plan, "--month", "2021-05", "--department-score", "办公室:cleaning",
            "--from", "50", "--to", "58", "--reason", "复核", "--by", "考评小组", "--db", db,
        ])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("55"), "\(stale.stderr)")

        let corrected = try CLI.run([
            "perf", "correct", "--plan", Self.plan, "--month", "2021-05", "--department-score", "办公室:cleaning",
            "--from", "55", "--to", "58", "--reason", "复核：水渍系空调冷凝水，非保洁责任", "--by", "项目考评小组",
            "--date", "2021-06-10", "--db", db,
        ])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("correction 1 recorded"))

        let again = try CLI.run([
            "perf", "month", "--plan", Self.plan, "--month", "2021-05", "--date", "2021-06-10", "--db", db,
        ])
        // Departments (98 + 96.5) / 2 = 97.25 → 38.9; 32 + 19.5 + 38.9 − 1.5 = 88.90.
        #expect(again.stdout.contains("88.90"), "\(again.stdout) \(again.stderr)")

        let out = folder.appendingPathComponent("reports")
        let report = try CLI.run(["perf", "report", "--plan", Self.plan, "--out", out.path, "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        let period = try String(contentsOf: out.appendingPathComponent("period.md"), encoding: .utf8)
        #expect(period.contains("复核：水渍系空调冷凝水，非保洁责任"))
        #expect(period.contains("88.30"), "the superseded computation is kept")
    }

    @Test(
        .enabled(
            if: PrintTools.available,
            "needs chromium, fonts-noto-cjk and poppler-utils (scripts/setup.sh --tests)"
        )
    )
    func theMonthlyReportRendersInChromium() throws {
        let tools = try #require(PrintTools.found, "chromium, pdftotext or pdfinfo missing under CI=true")
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        #expect(try Self.recordMay(db: db).status == 0)
        #expect(try CLI.run(["perf", "month", "--plan", Self.plan, "--month", "2021-05", "--db", db]).status == 0)
        let out = folder.appendingPathComponent("reports")
        let report = try CLI.run(["perf", "report", "--plan", Self.plan, "--out", out.path, "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        let pdf = try tools.print(out.appendingPathComponent("months/2021-05.html"))
        let text = try tools.run(tools.pdftotext, ["-layout", pdf.path, "-"])
        #expect(text.contains("88.30"), "\(text.prefix(2000))")
        #expect(text.contains("合格"))
        #expect(text.contains("行政楼3楼卫生间"))
    }
}
