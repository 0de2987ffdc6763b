import ArgumentParser
import TenderCore
import TenderPipeline

struct Perf: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "After the award: record, score and report a contract's monthly performance evaluation (月考评).",
        discussion: """
            Each month: record the survey (群众测评), team (班组推荐), department (科室考评) and patrol (周巡查) \
            sheets, then compute the month's score and standing; corrections are recorded with a reason and never \
            overwrite a record. The history database feeds the reputation criterion of a later tender.

            Example (one month):
              tender-eval perf record --plan plan.yaml --month 2021-05 --survey survey.csv --team team.csv \\
                --department department.csv --patrol patrol.csv
              tender-eval perf month --plan plan.yaml --month 2021-05
              tender-eval perf report --plan plan.yaml --out reports/
            """,
        subcommands: [Record.self, Correct.self, Month.self, Report.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record one month's sheets (CSV or XML) for a contract.",
            discussion: """
                Every sheet given is read and checked against the plan before anything is written; then all of \
                them are recorded in one transaction (with each file's SHA-256 and, for patrol findings, each \
                photo's), or none is. A source already recorded for the month is refused: record a correction \
                instead. The contract is registered from the plan the first time; a different plan for the same \
                contract is refused.
                """
        )

        @Option(help: "The contract's evaluation plan (YAML).")
        var plan: String

        @OptionGroup var month: MonthOption

        @Option(help: "The mass survey export (群众测评), CSV or XML.")
        var survey: String?

        @Option(help: "The team recommendations (班组推荐), CSV or XML.")
        var team: String?

        @Option(help: "The department evaluation sheet (科室考评), CSV or XML.")
        var department: String?

        @Option(help: "The patrol findings (周巡查), CSV or XML; an empty sheet records a month without findings.")
        var patrol: String?

        @Option(help: "Folder the patrol sheet's photo names are relative to (default: the patrol sheet's folder).")
        var photos: String?

        @OptionGroup var date: RecordDateOption
        @OptionGroup var database: DatabaseOption

        func validate() throws {
            if survey == nil && team == nil && department == nil && patrol == nil {
                throw ValidationError("give at least one sheet: --survey, --team, --department or --patrol")
            }
        }

        func run() throws {
            do {
                let recorded = try PerformancePipeline.record(
                    PerformancePipeline.RecordRequest(
                        planPath: plan,
                        month: month.month,
                        survey: survey,
                        team: team,
                        department: department,
                        patrol: patrol,
                        photoFolder: photos,
                        date: date.day,
                        databasePath: database.path
                    )
                )
                Console.report(recorded.warnings)
                for line in recorded.lines { print(line) }
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a correction of one recorded value, with its reason.",
            discussion: """
                The record itself is never changed: the correction is appended to the contract's hash-chained \
                log, and the month's score must then be computed again with `perf month`. --from must be the \
                value the record has now (after earlier corrections), or nothing is written.

                Example:
                  tender-eval perf correct --plan plan.yaml --month 2021-05 --department-score 办公室:cleaning \\
                    --from 22 --to 27 --reason "复核：保洁扣分重复计算" --by "项目考评小组"
                """
        )

        @Option(help: "The contract's evaluation plan (YAML).")
        var plan: String

        @OptionGroup var month: MonthOption

        @Option(name: .customLong("survey-answer"), help: "RESPONDENT:ITEM — one respondent's answer for an item.")
        var surveyAnswer: String?

        @Option(name: .customLong("team-score"), help: "TEAM — a team's recommendation score.")
        var teamScore: String?

        @Option(name: .customLong("department-score"), help: "DEPARTMENT:ITEM — a department's score for an item.")
        var departmentScore: String?

        @Option(name: .customLong("patrol-deduction"), help: "FINDING — a patrol finding's deduction.")
        var patrolDeduction: String?

        @Option(help: "The value the record has now.")
        var from: String

        @Option(help: "The corrected value (for a survey answer, an empty value strikes it).")
        var to: String

        @Option(help: "Why (required).")
        var reason: String

        @Option(help: "Who decided it: the evaluation group, the supervision committee, an officer.")
        var by: String

        @OptionGroup var date: RecordDateOption
        @OptionGroup var database: DatabaseOption

        func validate() throws {
            let targets = [surveyAnswer, teamScore, departmentScore, patrolDeduction].compactMap { $0 }
            if targets.count != 1 {
                throw ValidationError(
                    "name exactly one value to correct: --survey-answer, --team-score, --department-score or "
                        + "--patrol-deduction"
                )
            }
        }

        func run() throws {
            let target: PerformancePipeline.CorrectionTargetText
            if let surveyAnswer {
                target = .surveyAnswer(surveyAnswer)
            } else if let teamScore {
                target = .teamScore(teamScore)
            } else if let departmentScore {
                target = .departmentScore(departmentScore)
            } else {
                target = .patrolDeduction(patrolDeduction ?? "")
            }
            do {
                let line = try PerformancePipeline.correct(
                    PerformancePipeline.CorrectRequest(
                        planPath: plan,
                        month: month.month,
                        target: target,
                        from: from,
                        to: to,
                        reason: reason,
                        by: by,
                        date: date.day,
                        databasePath: database.path
                    )
                )
                print(line)
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        }
    }

    struct Month: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute and store a month's score and standing from its records and corrections.",
            discussion: """
                Needs all four sources recorded for the month. Computing a month again (after a correction) keeps \
                the earlier result as superseded. Prints the score, the standing and what it entails, and any \
                standing rule the month completes (e.g. three unqualified months within twelve).
                """
        )

        @Option(help: "The contract's evaluation plan (YAML).")
        var plan: String

        @OptionGroup var month: MonthOption
        @OptionGroup var date: RecordDateOption
        @OptionGroup var database: DatabaseOption

        func run() throws {
            do {
                let lines = try PerformancePipeline.computeMonth(
                    PerformancePipeline.MonthRequest(
                        planPath: plan,
                        month: month.month,
                        date: date.day,
                        databasePath: database.path
                    )
                )
                for line in lines { print(line) }
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the contract-period report and the monthly reports (HTML, Markdown, CSV, JSON).",
            discussion: """
                Writes period.{html,md,csv,json} (trend chart of the monthly score and of each source, standing \
                bands, corrections, superseded computations, standing rules met) and months/YYYY-MM.{html,md,csv,json} \
                for each scored month (or only --month), plus manifest.json, into --out.
                """
        )

        @Option(help: "The contract's evaluation plan (YAML).")
        var plan: String

        @Option(help: "Only this month's report (with the period report), YYYY-MM.")
        var month: String?

        @Option(help: "Folder to write the reports into.")
        var out: String

        @ArgumentParser.Flag(help: "Replace the reports already in --out.")
        var force = false

        @Option(help: "Report language: zh or en.")
        var lang: LanguageOption = .zh

        @OptionGroup var database: DatabaseOption

        func validate() throws {
            if let month, PerformancePipeline.yearMonth(month) == nil {
                throw ValidationError(
                    "--month must be written YYYY-MM (e.g. 2021-05), not '\(VisibleText.escaped(month))'"
                )
            }
        }

        func run() throws {
            do {
                let files = try PerformancePipeline.report(
                    PerformancePipeline.ReportRequest(
                        planPath: plan,
                        month: month,
                        language: lang.language,
                        databasePath: database.path
                    )
                )
                Console.report(try PerformancePipeline.publish(files, to: out, replace: force))
                print("\(files.count) files written to \(VisibleText.escaped(out))")
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        }
    }
}
