import Foundation
import TenderTestSupport
import Testing

/// The review's findings on `perf record` and `perf correct`, through the built binary: corrections that would
/// leave a month unscorable, items named as the sheets name them, dates before the month, workbooks given as
/// survey sheets, and a sheet recorded again for another month. The fixture is PerformanceCLITests'.
@Suite(.serialized) struct PerformanceReviewCLITests {
    typealias Fixture = PerformanceCLITests

    static func correct(db: String, _ target: [String], from: String, to: String, date: String = "2021-06-10")
        throws -> CLI.Result
    {
        try CLI.run(
            ["perf", "correct", "--plan", Fixture.plan, "--month", "2021-05"] + target + [
                "--from", from, "--to", to, "--reason", "复核", "--by", "项目考评小组", "--date", date, "--db", db,
            ]
        )
    }

    static func recordedMay() throws -> String {
        let db = try CLI.temporaryFolder().appendingPathComponent("history.sqlite").path
        let recorded = try Fixture.recordMay(db: db)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        return db
    }

    @Test func aCorrectionThatLeavesTheSurveyBelowItsMinimumIsRefused() throws {
        let db = try Self.recordedMay()
        // Four respondents, the plan needs three. R003 answered only cleaning: striking it leaves three.
        let first = try Self.correct(db: db, ["--survey-answer", "R003:保洁服务"], from: "不满意", to: "")
        #expect(first.status == 0, "\(first.stderr)")
        let second = try Self.correct(db: db, ["--survey-answer", "R002:cleaning"], from: "基本满意", to: "")
        #expect(second.status == 0, "\(second.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let third = try Self.correct(db: db, ["--survey-answer", "R002:Conference services"], from: "满意", to: "")
        #expect(third.status == 1)
        #expect(
            third.stderr.hasPrefix("\(Fixture.plan):")
                && third.stderr.contains(
                    "error: the correction would leave the survey of 2021-05 with 2 respondents with an answer; the "
                        + "plan requires at least 3, and a month below it cannot be scored\n"
                ),
            "\(third.stderr)"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "nothing was written")
        // The month still scores with the three respondents left.
        let month = try CLI.run([
            "perf", "month", "--plan", Fixture.plan, "--month", "2021-05", "--date", "2021-06-10", "--db", db,
        ])
        #expect(month.status == 0, "\(month.stderr)")
    }

    @Test func anItemIsNamedByItsIdOrItsChineseOrEnglishName() throws {
        let db = try Self.recordedMay()
        let byChinese = try Self.correct(db: db, ["--department-score", "办公室:保洁服务"], from: "55", to: "57")
        #expect(byChinese.status == 0, "\(byChinese.stderr)")
        // The same record: the next correction starts from the value the first one set.
        let byEnglish = try Self.correct(db: db, ["--department-score", "办公室:cleaning"], from: "57", to: "58")
        #expect(byEnglish.status == 0, "\(byEnglish.stderr)")
        let byEnglishName = try Self.correct(
            db: db,
            ["--department-score", "财务科:conference SERVICES"],
            from: "36.5",
            to: "38"
        )
        #expect(byEnglishName.status == 0, "\(byEnglishName.stderr)")

        let unknown = try Self.correct(db: db, ["--department-score", "办公室:保洁"], from: "58", to: "59")
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "error: --department-score: item '保洁' is neither the id nor the name of an item; the items are "
                + "cleaning (保洁服务|Cleaning), conference (会务服务|Conference services)\n",
            "\(unknown.stderr)"
        )
    }

    @Test func aDateBeforeTheMonthIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        let early = try CLI.run([
            "perf", "record", "--plan", Fixture.plan, "--month", "2021-05", "--team", Fixture.sheet("team.csv"),
            "--date", "2021-04-30", "--db", db,
        ])
        #expect(early.status == 1)
        #expect(
            early.stderr == "error: sheets for 2021-05 cannot be recorded on 2021-04-30, before the month began\n",
            "\(early.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: db), "no database was created")

        #expect(try Fixture.recordMay(db: db).status == 0)
        let correction = try Self.correct(
            db: db,
            ["--department-score", "办公室:cleaning"],
            from: "55",
            to: "57",
            date: "2021-04-01"
        )
        #expect(correction.status == 1)
        #expect(
            correction.stderr
                == "error: a correction for 2021-05 cannot be recorded on 2021-04-01, before the month began\n",
            "\(correction.stderr)"
        )
        // The first day of the month itself is fine.
        let onTheFirst = try Self.correct(
            db: db,
            ["--department-score", "办公室:cleaning"],
            from: "55",
            to: "57",
            date: "2021-05-01"
        )
        #expect(onTheFirst.status == 0, "\(onTheFirst.stderr)")
    }

    @Test func aWorkbookGivenAsASurveyOrTeamSheetIsNamedAsOne() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        // A zip's local file header, then the bytes that made GB18030 decoding fail before.
        let workbook = folder.appendingPathComponent("survey-2021-05.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xC5, 0xFF, 0x00]).write(to: workbook)
        for option in ["--survey", "--team"] {
            let result = try CLI.run([
                "perf", "record", "--plan", Fixture.plan, "--month", "2021-05", option, workbook.path,
                "--date", "2021-06-03", "--db", db,
            ])
            let source = option.dropFirst(2)
            #expect(result.status == 1)
            #expect(
                result.stderr
                    == "\(workbook.path): error: the \(source) sheet is an Excel workbook; \(source) sheets are read "
                    + "as CSV (UTF-8 or GB18030) or XML: save it as CSV\n",
                "\(result.stderr)"
            )
        }
    }

    @Test func aSheetRecordedAgainForAnotherMonthIsWarnedAbout() throws {
        let db = try Self.recordedMay()
        let june = try CLI.run([
            "perf", "record", "--plan", Fixture.plan, "--month", "2021-06", "--team", Fixture.sheet("team.csv"),
            "--date", "2021-07-05", "--db", db,
        ])
        #expect(june.status == 0, "\(june.stderr)")
        #expect(june.stdout.contains("TEST-HT-01 2021-06 team: 2 records"), "\(june.stdout)")
        let team = Fixture.sheet("team.csv")
        #expect(
            june.stderr.hasPrefix(
                "\(team): warning: the team sheet has the same bytes (sha256 "
            )
                && june.stderr.contains(
                    ") as the team sheet recorded for 2021-05 from \(team) on 2021-06-03; recorded all the same"
                ),
            "\(june.stderr)"
        )
        // A sheet seen for no other month is recorded without a word.
        let july = try CLI.temporaryFolder().appendingPathComponent("team-2021-07.csv")
        try Data("班组,得分,理由\n行政楼联络组,100,\n文体中心联络组,100,\n".utf8).write(to: july)
        let fresh = try CLI.run([
            "perf", "record", "--plan", Fixture.plan, "--month", "2021-07", "--team", july.path, "--date",
            "2021-08-05", "--db", db,
        ])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stderr.isEmpty, "\(fresh.stderr)")
    }
}
