import Foundation
import TenderTestSupport
import Testing

/// What a tender may read from the history: standing rules derived from the latest standings whatever order the
/// months were computed in, no month left out unseen, and no score edited outside tender-eval.
@Suite(.serialized) struct HistoryAuditTests {
    static let plan = PerformanceCLITests.plan

    /// A month of the test plan whose sheets give `quality`: "good" → 88.30-like, "poor" → unqualified.
    static func writeMonth(_ month: String, poor: Bool, in folder: URL) throws -> [String] {
        let base = folder.appendingPathComponent(month)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let answer = poor ? "不满意" : "满意"
        let survey = "编号,保洁服务,会务服务\nR1,\(answer),\(answer)\nR2,\(answer),\(answer)\nR3,\(answer),\(answer)\n"
        let team = poor ? "班组,得分,理由\n行政楼班组,40,多次投诉\n文体中心班组,40,多次投诉\n" : "班组,得分,理由\n行政楼班组,100,\n文体中心班组,100,\n"
        let department =
            poor
            ? "科室,项目,得分,理由\n办公室,cleaning,20,差\n办公室,conference,10,差\n财务科,cleaning,20,差\n财务科,conference,10,差\n"
            : "科室,项目,得分,理由\n办公室,cleaning,60,\n办公室,conference,40,\n财务科,cleaning,60,\n财务科,conference,40,\n"
        let files = [
            ("survey.csv", survey), ("team.csv", team), ("department.csv", department),
            ("patrol.csv", "编号,日期,地点,项目,问题,扣分,照片\n"),
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: base.appendingPathComponent(name))
        }
        return [
            "--month", month, "--survey", base.appendingPathComponent("survey.csv").path, "--team",
            base.appendingPathComponent("team.csv").path, "--department",
            base.appendingPathComponent("department.csv").path, "--patrol",
            base.appendingPathComponent("patrol.csv").path, "--date", "2021-12-31",
        ]
    }

    @Test func aStandingRuleDoesNotDependOnTheOrderMonthsAreComputedIn() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("h.sqlite").path
        for (month, poor) in [("2021-04", true), ("2021-05", false), ("2021-06", true)] {
            let record = try CLI.run(
                ["perf", "record", "--plan", Self.plan, "--db", db] + Self.writeMonth(month, poor: poor, in: folder)
            )
            #expect(record.status == 0, "\(record.stderr)")
        }
        // Latest month first: when 2021-06 is computed, 2021-04 has no standing yet.
        for month in ["2021-06", "2021-05", "2021-04"] {
            let computed = try CLI.run(["perf", "month", "--plan", Self.plan, "--month", month, "--db", db])
            #expect(computed.status == 0, "\(computed.stderr)")
        }
        let out = folder.appendingPathComponent("reports")
        let report = try CLI.run(["perf", "report", "--plan", Self.plan, "--out", out.path, "--db", db, "--lang", "en"])
        #expect(report.status == 0, "\(report.stderr)")
        let period = try String(contentsOf: out.appendingPathComponent("period.md"), encoding: .utf8)
        #expect(period.contains("2021-04, 2021-06"), "\(period)")
        #expect(period.contains("(raised in 2021-06)"), "\(period)")
    }

    @Test(.enabled(if: PerformanceCLITests.hasSQLite3, "needs the sqlite3 program to edit the database"))
    func aScoreEditedOutsideTenderEvalIsFoundByVerify() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("h.sqlite").path
        #expect(try PerformanceCLITests.recordMay(db: db).status == 0)
        #expect(try CLI.run(["perf", "month", "--plan", Self.plan, "--month", "2021-05", "--db", db]).status == 0)
        #expect(try CLI.run(["history", "verify", "--db", db]).status == 0)
        let edit = try CLI.runProgram(
            "/usr/bin/sqlite3",
            [db, "UPDATE monthly_score SET score_units = 99000000, standing = 'excellent'"]
        )
        #expect(edit.status == 0, "\(edit.stderr)")
        let verify = try CLI.run(["history", "verify", "--db", db])
        #expect(verify.status == 1)
        #expect(
            verify.stderr.contains(
                "contract TEST-HT-01 2021-05: the stored score 99 (excellent) is not what its records and corrections "
                    + "give (88.3, qualified); the history was changed outside tender-eval"
            ),
            "\(verify.stderr)"
        )
    }

    @Test func aMonthRecordedButNotComputedIsNoted() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("h.sqlite").path
        #expect(try PerformanceCLITests.recordMay(db: db).status == 0)
        let verify = try CLI.run(["history", "verify", "--db", db])
        #expect(verify.status == 0)
        #expect(
            verify.stderr.contains("warning: contract TEST-HT-01 2021-05 has records but no score yet"),
            "\(verify.stderr)"
        )
    }

    @Test func aPlanThatOnlyChangedItsLayoutIsTheSamePlanButAChangedRuleIsNot() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("h.sqlite").path
        #expect(try PerformanceCLITests.recordMay(db: db).status == 0)
        let original = try String(contentsOfFile: Self.plan, encoding: .utf8)
        let windows = folder.appendingPathComponent("plan-crlf.yaml")
        try Data((original.replacingOccurrences(of: "\n", with: "\r\n") + "# 2021-06: a comment\r\n").utf8)
            .write(to: windows)
        let month = try CLI.run(["perf", "month", "--plan", windows.path, "--month", "2021-05", "--db", db])
        #expect(month.status == 0, "\(month.stderr)")
        #expect(month.stdout.contains("88.30"))
        let changed = folder.appendingPathComponent("plan-changed.yaml")
        try Data(original.replacingOccurrences(of: "monthly-cap: 10", with: "monthly-cap: 12").utf8).write(to: changed)
        let refused = try CLI.run(["perf", "month", "--plan", changed.path, "--month", "2021-05", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was recorded under another plan"), "\(refused.stderr)")
        #expect(refused.stderr.contains("it says something else"))
    }

    @Test func aMonthCannotBeComputedBeforeItBegan() throws {
        let db = try CLI.temporaryFolder().appendingPathComponent("h.sqlite").path
        #expect(try PerformanceCLITests.recordMay(db: db).status == 0)
        let early = try CLI.run([
            "perf", "month", "--plan", Self.plan, "--month", "2021-05", "--date", "2021-04-30", "--db", db,
        ])
        #expect(early.status == 1)
        #expect(
            early.stderr.contains("2021-05 cannot be computed on 2021-04-30, before the month began"),
            "\(early.stderr)"
        )
    }

    /// One cell far to the right in a department workbook would make every row 16,384 cells wide (a 3,000-row
    /// sheet took 30 s and 5.8 GB): it is refused at its cell instead.
    @Test(.enabled(if: OpenpyxlProbe.available, "needs python3 with openpyxl (scripts/setup.sh --tests installs it)"))
    func aCellFarToTheRightOfADepartmentWorkbookIsRefusedAtItsCell() throws {
        let folder = try CLI.temporaryFolder()
        let workbook = folder.appendingPathComponent("department.xlsx")
        let script = """
            import sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(["科室", "项目", "得分", "理由"])
            for _ in range(3000): ws.append(["办公室", "cleaning", 60, ""])
            ws.cell(row=3002, column=16384, value="x")
            wb.save(sys.argv[1])
            """
        let written = try OpenpyxlProbe.run(["-c", script, workbook.path])
        #expect(written.status == 0, "\(written.output)")
        let result = try CLI.run(
            [
                "perf", "record", "--plan", Self.plan, "--month", "2021-05", "--department", workbook.path, "--db",
                folder.appendingPathComponent("h.sqlite").path, "--date", "2021-06-01",
            ],
            timeLimit: 30
        )
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "department.xlsx:Sheet!XFD3002: error: cell lies beyond the department sheet's columns (at most 64)"
            ),
            "\(result.stderr)"
        )
    }
}
