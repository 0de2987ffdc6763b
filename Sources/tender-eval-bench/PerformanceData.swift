import Foundation
import TenderCore
import TenderModel
import TenderSynth

/// Writes one month's four sheets (survey.csv, team.csv, department.csv, patrol.csv) and the patrol photos into
/// `folder`, the layout `scripts/performance-example.sh` and `scripts/benchmark.sh` record from.
func writeMonth(_ month: SyntheticPerformanceMonth, plan: SyntheticPerformancePlan, to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let sheets: [(PerformanceSource, [UInt8])] = [
        (.survey, month.surveyCSV(plan: plan)), (.team, month.teamCSV()),
        (.department, month.departmentCSV(plan: plan)), (.patrol, month.patrolCSV(plan: plan)),
    ]
    for (source, bytes) in sheets {
        try Data(bytes).write(to: folder.appendingPathComponent("\(source.rawValue).csv"))
    }
    for (name, bytes) in month.photos() {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }
}

/// The example's two contracts (their plans are written by hand in examples/performance/<contract>/plan.yaml):
/// the 2020 logistics tender's winner, 60 or so respondents a month, July 2021 unqualified (typhoon In-Fa
/// flooded the car park); and a façade-cleaning and garbage contract with three unqualified months in twelve,
/// which warns the next tender's committee.
func examplePlans() -> [(plan: SyntheticPerformancePlan, scenario: PerformanceScenario, seed: UInt64)] {
    let logistics = SyntheticPerformancePlan.standard(
        contractID: "HYJG-2020-FW-017-HT01",
        tenderID: "HYJG-2020-FW-017",
        contractorName: "台州橘乡物业服务有限公司",
        registrationID: "91331003MA2D9FX61W",
        start: "2021-01-01",
        end: "2023-12-31"
    )
    var facade = SyntheticPerformancePlan.standard(
        contractID: "HYJG-2021-FW-004-HT01",
        tenderID: "HYJG-2021-FW-004",
        contractorName: "台州市黄岩澄江保洁服务有限公司",
        registrationID: "91331003MA2J4P6N44",
        start: "2021-03-01",
        end: "2022-02-28",
        minimumResponses: 20
    )
    facade.services = [
        .init(id: "facade", zh: "外墙清洗", en: "Façade cleaning", departmentPoints: 50),
        .init(id: "garbage", zh: "垃圾清运", en: "Garbage removal", departmentPoints: 50),
    ]
    let month = { (text: String) in YearMonth(text)! }
    return [
        (
            logistics,
            PerformanceScenario(
                firstMonth: month("2021-01"),
                months: 12,
                respondents: 60,
                respondentVariation: 6,
                quality: 840,
                unqualifiedMonths: [month("2021-07")]
            ),
            2021
        ),
        (
            facade,
            PerformanceScenario(
                firstMonth: month("2021-03"),
                months: 12,
                respondents: 30,
                respondentVariation: 4,
                quality: 790,
                unqualifiedMonths: [month("2021-06"), month("2021-08"), month("2021-11")]
            ),
            2022
        ),
    ]
}

func runPerformanceExample(_ options: Options) {
    guard let directory = options.out else { fail("performance-example needs --out DIR") }
    do {
        for (plan, scenario, seed) in examplePlans() {
            let contract = URL(fileURLWithPath: directory).appendingPathComponent(plan.contractID)
            for month in SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: seed) {
                try writeMonth(month, plan: plan, to: contract.appendingPathComponent(month.month.description))
            }
        }
    } catch {
        FileHandle.standardError.write(Data("tender-eval-bench: cannot write to \(directory): \(error)\n".utf8))
        exit(1)
    }
    print("wrote the example contracts' months into \(directory)")
}

/// `--contracts` contracts of the standard plan, each with `--months` months of `--responses` respondents:
/// DIR/C01/plan.yaml and DIR/C01/YYYY-MM/*.csv.
func runPerformance(_ options: Options) {
    guard let directory = options.out else { fail("performance needs --out DIR") }
    do {
        for index in 1...options.contracts {
            let number = index < 10 ? "0\(index)" : "\(index)"
            let plan = SyntheticPerformancePlan.standard(
                contractID: "BENCH-HT-\(number)",
                tenderID: "BENCH-2020-\(number)",
                contractorName: "基准测试物业服务有限公司\(number)",
                registrationID: "9133000\(number)BENCH00X",
                start: "2021-01-01",
                end: "2023-12-31"
            )
            let scenario = PerformanceScenario(
                firstMonth: YearMonth("2021-01")!,
                months: options.months,
                respondents: options.responses,
                quality: 800 + index * 10
            )
            let contract = URL(fileURLWithPath: directory).appendingPathComponent("C\(number)")
            try FileManager.default.createDirectory(at: contract, withIntermediateDirectories: true)
            try Data(plan.renderYAML().utf8).write(to: contract.appendingPathComponent("plan.yaml"))
            for month in SyntheticPerformance.generate(
                plan: plan,
                scenario: scenario,
                seed: options.seed + UInt64(index)
            ) {
                try writeMonth(month, plan: plan, to: contract.appendingPathComponent(month.month.description))
            }
        }
    } catch {
        FileHandle.standardError.write(Data("tender-eval-bench: cannot write to \(directory): \(error)\n".utf8))
        exit(1)
    }
    print(
        "wrote \(options.contracts) contracts x \(options.months) months x \(options.responses) survey responses "
            + "into \(directory)"
    )
}
