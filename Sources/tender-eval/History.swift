import ArgumentParser
import TenderCore
import TenderPipeline

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look after the performance history database (tender-eval.sqlite).",
        subcommands: [Migrate.self, Verify.self]
    )

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the history database, or bring one written by an earlier tender-eval up to date.",
            discussion: """
                Applies, in one transaction each, the schema migrations the database has not had yet; a database \
                already current is left untouched, so running it twice is safe. A file that is not a tender-eval \
                history database, or one written by a newer tender-eval, is refused and never changed.

                Example:
                  tender-eval history migrate --db tender-eval.sqlite
                """
        )

        @OptionGroup var database: DatabaseOption

        func run() throws {
            do {
                let applied = try PerformancePipeline.migrate(databasePath: database.path)
                print(
                    applied.isEmpty
                        ? "\(VisibleText.escaped(database.path)): already current; nothing changed"
                        : "\(VisibleText.escaped(database.path)): applied \(applied.joined(separator: ", "))"
                )
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that no recorded sheet or correction was changed after it was recorded.",
            discussion: """
                Re-hashes every recorded batch of rows and the hash chain of every contract's corrections. Exit \
                status 0 when everything matches, 1 when something was changed (each change is named).
                """
        )

        @OptionGroup var database: DatabaseOption

        func run() throws {
            do {
                let problems = try PerformancePipeline.verify(databasePath: database.path)
                Console.report(problems)
                if problems.contains(where: { $0.severity == .error }) {
                    throw ExitCode(ExitStatus.badInput.rawValue)
                }
                print("\(VisibleText.escaped(database.path)): every record and correction is as recorded")
            } catch let error as DiagnosticError {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        }
    }
}

/// `--db`: one history database per working folder unless named.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The history database (default: tender-eval.sqlite here).")
    var path = PerformancePipeline.defaultDatabase
}

/// `--date`: the day written into the history for what this run records; today when not given.
struct RecordDateOption: ParsableArguments {
    @Option(help: "The day the records are made, YYYY-MM-DD (default: today).")
    var date: String?

    func validate() throws {
        if let date, !PerformancePipeline.isCalendarDate(date) {
            throw ValidationError("--date must be a real date written YYYY-MM-DD, not '\(VisibleText.escaped(date))'")
        }
    }

    var day: String { date ?? PerformancePipeline.today() }
}

/// `--month`.
struct MonthOption: ParsableArguments {
    @Option(help: "The month evaluated, YYYY-MM.")
    var month: String

    func validate() throws {
        if PerformancePipeline.yearMonth(month) == nil {
            throw ValidationError("--month must be written YYYY-MM (e.g. 2021-05), not '\(VisibleText.escaped(month))'")
        }
    }
}
