import Foundation
import TenderTestSupport
import Testing

/// The example year (examples/performance) recorded, corrected and scored through the built binary, as
/// scripts/performance-example.sh does it, and the 2022 tender reading that history: the incumbent's mean, the
/// warned bidder, the newcomer's neutral value. The committed month folders are what the generator writes.
@Suite(.serialized) struct PerformanceExampleTests {
    static let examples = CLI.root.appendingPathComponent("examples/performance")
    static let contracts = ["HYJG-2020-FW-017-HT01", "HYJG-2021-FW-004-HT01"]

    /// The 5th of the month after `month` (`YYYY-MM`), when the evaluation group meets, as the script records it.
    static func recordedOn(_ month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        let (year, next) = parts[1] == 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return "\(year)-\(next < 10 ? "0" : "")\(next)-05"
    }

    /// Records and computes every month of both contracts, then the example's correction; returns the database.
    static func recordExampleYear(in folder: URL) throws -> (db: String, monthLines: [String]) {
        let db = folder.appendingPathComponent("tender-eval.sqlite").path
        var lines: [String] = []
        for contract in contracts {
            let base = examples.appendingPathComponent(contract)
            let plan = base.appendingPathComponent("plan.yaml").path
            let months = try FileManager.default.contentsOfDirectory(atPath: base.path)
                .filter { $0.hasPrefix("20") }.sorted()
            #expect(months.count == 12, "\(contract): \(months)")
            for month in months {
                let sheets = base.appendingPathComponent(month)
                let on = recordedOn(month)
                let recorded = try CLI.run([
                    "perf", "record", "--plan", plan, "--month", month, "--date", on, "--db", db,
                    "--survey", sheets.appendingPathComponent("survey.csv").path,
                    "--team", sheets.appendingPathComponent("team.csv").path,
                    "--department", sheets.appendingPathComponent("department.csv").path,
                    "--patrol", sheets.appendingPathComponent("patrol.csv").path,
                ])
                #expect(recorded.status == 0, "\(contract) \(month): \(recorded.stderr)")
                let computed = try CLI.run([
                    "perf", "month", "--plan", plan, "--month", month, "--date", on, "--db", db,
                ])
                #expect(computed.status == 0, "\(contract) \(month): \(computed.stderr)")
                lines += computed.stdout.split(separator: "\n").map(String.init)
            }
        }
        let plan = examples.appendingPathComponent("HYJG-2020-FW-017-HT01/plan.yaml").path
        let corrected = try CLI.run([
            "perf", "correct", "--plan", plan, "--month", "2021-05", "--department-score", "后勤保障科:保洁服务",
            "--from", "25", "--to", "28", "--reason", "复核：垃圾桶清运属垃圾清运合同的服务范围", "--by", "项目考评小组",
            "--date", "2021-06-15", "--db", db,
        ])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let again = try CLI.run([
            "perf", "month", "--plan", plan, "--month", "2021-05", "--date", "2021-06-15", "--db", db,
        ])
        #expect(again.status == 0, "\(again.stderr)")
        // 25 → 28 raises the mean of the seven departments by 3 / 7, and 40 × 3 / 7 / 100 = 0.17…: 87.88 → 88.05.
        #expect(again.stdout.contains("HYJG-2020-FW-017-HT01 2021-05: 88.05 合格 (qualified)"), "\(again.stdout)")
        lines += again.stdout.split(separator: "\n").map(String.init)
        return (db, lines)
    }

    @Test func theExampleYearAndTheLaterTenderThatReadsIt() throws {
        let folder = try CLI.temporaryFolder()
        let (db, lines) = try Self.recordExampleYear(in: folder)
        // One unqualified month for the logistics contract; three for the façade contract, the third raising the rule.
        #expect(lines.filter { $0.hasPrefix("HYJG-2020-FW-017-HT01") && $0.contains("(unqualified)") }.count == 1)
        #expect(lines.contains { $0.hasPrefix("HYJG-2020-FW-017-HT01 2021-07:") && $0.contains("停放奖励工资") })
        #expect(lines.filter { $0.hasPrefix("HYJG-2021-FW-004-HT01") && $0.contains("(unqualified)") }.count == 3)
        #expect(
            lines.contains(
                "HYJG-2021-FW-004-HT01 2021-11: rule three-unqualified-in-twelve met (2021-06, 2021-08, 2021-11) — "
                    + "十二个月内三个月考评不合格，下次招标时提请评标委员会注意"
            ),
            "\(lines)"
        )
        let verify = try CLI.run(["history", "verify", "--db", db])
        #expect(verify.status == 0, "\(verify.stderr)")

        let out = folder.appendingPathComponent("conference-2022")
        let scored = try CLI.run([
            "score", "rubrics/huangyan-conference-2022.yaml", "bids/huangyan-conference-2022/", "--db", db, "--out",
            out.path, "--lang", "en",
        ])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.contains("first: 台州橘乡物业服务有限公司 with 87.91 points; 1 flag"), "\(scored.stdout)")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("HYJG-2020-FW-017-HT01: 2021-01 … 2021-12, 12 months"), "\(report.prefix(4000))")
        #expect(report.contains("1021.14 / 12 = 85.095"))
        #expect(report.contains("914.59 / 12 = 76.2158…"))
        #expect(report.contains("neutral 6 (FAR 15.305(a)(2)(iv))"))
        let csv = try String(contentsOf: out.appendingPathComponent("scores.csv"), encoding: .utf8)
        for total in ["87.91", "86.16", "86.14"] {
            #expect(csv.contains(total), "\(total) missing from scores.csv")
        }
    }

    @Test func withoutTheHistoryTheLaterTenderStopsAndSaysWhy() throws {
        let folder = try CLI.temporaryFolder()
        let scored = try CLI.run(
            [
                "score", CLI.root.path + "/rubrics/huangyan-conference-2022.yaml",
                CLI.root.path + "/bids/huangyan-conference-2022/",
            ],
            in: folder
        )
        #expect(scored.status == 1)
        #expect(scored.stderr.contains("tender-eval.sqlite: error: no performance history here"), "\(scored.stderr)")
    }

    @Test func theCommittedMonthsAreWhatTheGeneratorWrites() throws {
        let folder = try CLI.temporaryFolder()
        let written = try CLI.runProgram(CLI.bench.path, ["performance-example", "--out", folder.path])
        #expect(written.status == 0, "\(written.stderr)")
        for contract in Self.contracts {
            let committed = Self.examples.appendingPathComponent(contract)
            let generated = folder.appendingPathComponent(contract)
            let months = try FileManager.default.contentsOfDirectory(atPath: generated.path).sorted()
            #expect(months.count == 12)
            for month in months {
                let names = try FileManager.default.contentsOfDirectory(
                    atPath: generated.appendingPathComponent(month).path
                ).sorted()
                let committedNames = try FileManager.default.contentsOfDirectory(
                    atPath: committed.appendingPathComponent(month).path
                ).sorted()
                #expect(names == committedNames, "\(contract)/\(month)")
                for name in names {
                    let path = "\(month)/\(name)"
                    #expect(
                        try Data(contentsOf: generated.appendingPathComponent(path))
                            == Data(contentsOf: committed.appendingPathComponent(path)),
                        "\(contract)/\(path) differs from the generator's output"
                    )
                }
            }
        }
    }
}
