// tender-eval-bench: times the scoring engine on synthetic bids built in memory (no XML), and writes the
// numpy-equivalent input matrix for the reference run in scripts/benchmark.sh. Not part of the product.
import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import TenderScoring
import TenderSynth

let usage = """
    usage: tender-eval-bench scoring [--bids N] [--criteria M] [--seed S] [--runs R]
           tender-eval-bench matrix  [--bids N] [--criteria M] [--seed S] --out DIR
           tender-eval-bench files   [--bids N] [--criteria M] [--seed S] --out DIR
           tender-eval-bench performance [--contracts C] [--months N] [--responses R] [--seed S] --out DIR
           tender-eval-bench performance-example --out DIR

      scoring  builds N synthetic bids in memory and times TenderEvaluator.evaluate (median of R runs)
      matrix   writes DIR/X.npy (N x M float64 raw values, lower-is-better columns negated) and DIR/w.npy
               (M criterion points) for a numpy weighted-sum reference on the same data
      files    writes the synthetic tender as files: DIR/rubric.yaml, DIR/bids/*.xml and
               DIR/bids/committee-scores.csv
               (deterministic: the same arguments give the same bytes)
      performance  writes C contracts' monthly sheets (N months of R survey responses each, team, department
               and patrol sheets, photos): DIR/C01/plan.yaml and DIR/C01/YYYY-MM/*.csv
      performance-example  writes the months of examples/performance/<contract>/ (the plans are hand-written)

    defaults: --bids 100000 --criteria 50 --seed 1 --runs 1 --contracts 10 --months 12 --responses 1000
    """

struct Options {
    var mode = ""
    var bids = 100_000
    var criteria = 50
    var seed: UInt64 = 1
    var runs = 1
    var out: String?
    var contracts = 10
    var months = 12
    var responses = 1000
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("tender-eval-bench: \(message)\n\n\(usage)\n".utf8))
    exit(64)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    guard let mode = arguments.first,
        ["scoring", "matrix", "files", "performance", "performance-example"].contains(mode)
    else {
        fail("expected a mode: scoring, matrix, files, performance or performance-example")
    }
    options.mode = mode
    var index = 1
    func value(_ name: String) -> String {
        index += 1
        guard index < arguments.count else { fail("\(name) needs a value") }
        return arguments[index]
    }
    while index < arguments.count {
        let name = arguments[index]
        switch name {
        case "--bids":
            guard let number = Int(value(name)), number >= 1 else { fail("--bids must be a whole number >= 1") }
            options.bids = number
        case "--criteria":
            guard let number = Int(value(name)), number >= 2 else { fail("--criteria must be a whole number >= 2") }
            options.criteria = number
        case "--seed":
            guard let number = UInt64(value(name)) else { fail("--seed must be a whole number >= 0") }
            options.seed = number
        case "--runs":
            guard let number = Int(value(name)), number >= 1 else { fail("--runs must be a whole number >= 1") }
            options.runs = number
        case "--out":
            options.out = value(name)
        case "--contracts":
            guard let number = Int(value(name)), (1...99).contains(number) else {
                fail("--contracts must be a whole number from 1 to 99")
            }
            options.contracts = number
        case "--months":
            guard let number = Int(value(name)), (1...36).contains(number) else {
                fail("--months must be a whole number from 1 to 36")
            }
            options.months = number
        case "--responses":
            guard let number = Int(value(name)), number >= 30 else { fail("--responses must be a whole number >= 30") }
            options.responses = number
        case "-h", "--help":
            print(usage)
            exit(0)
        default:
            fail("unknown option '\(name)'")
        }
        index += 1
    }
    if options.mode != "scoring" && options.out == nil { fail("\(options.mode) needs --out DIR") }
    return options
}

/// The numpy reference's input is binary floating point by design; exact values become doubles only here.
func double(_ value: some ScaledDecimal) -> Double {
    Double(value.units) / Double(Money.unitsPerWhole)
}

func double(_ value: ExactRatio) -> Double {
    Double(value.numerator) / Double(value.denominator)
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

func format(_ value: Double) -> String {
    String(format: "%.3f", value)
}

/// The in-memory equivalent of importing the synthetic XML: the same values the importer would copy out.
func makeBid(_ bid: SyntheticBid, tenderID: String) -> Bid {
    var facts: [String: Fact] = [:]
    for (id, value) in bid.facts {
        switch value {
        case .number(let number): facts[id] = Fact(.number(number))
        case .text(let text): facts[id] = Fact(.text(text))
        case .boolean(let flag): facts[id] = Fact(.boolean(flag))
        }
    }
    return Bid(
        file: bid.fileName,
        format: .native,
        tenderReference: tenderID,
        submittedAt: bid.submitted,
        bidder: Bidder(
            name: bid.name,
            registrationID: bid.registrationID,
            size: bid.size,
            contactPerson: bid.contactPerson,
            phone: bid.phone,
            email: bid.email,
            address: bid.address,
            line: 3
        ),
        price: BidPrice(
            total: bid.total,
            currency: "CNY",
            lines: bid.priceLines.map { PriceLine(item: $0.item, amount: $0.amount) }
        ),
        commitments: bid.commitments.map { Commitment(kind: $0.kind, signedOn: $0.signed, text: $0.text) },
        violations: bid.violations.map {
            Violation(date: $0.date, severity: $0.severity, description: $0.text, authority: $0.authority)
        },
        attachments: bid.attachments.map { Attachment(name: $0.name, type: $0.type, sha256: $0.sha256) },
        facts: facts
    )
}

func runScoring(_ options: Options) {
    let clock = ContinuousClock()
    var model: SyntheticTenderModel?
    let generation = clock.measure {
        model = SyntheticTenderModel.generate(bids: options.bids, criteria: options.criteria, seed: options.seed)
    }
    guard let model else { fail("generation failed") }
    print(
        "generated \(model.bids.count) bids x \(model.criteria.count) criteria (seed \(options.seed)) "
            + "in \(format(seconds(generation))) s"
    )
    let rubric: Rubric
    do {
        rubric = try RubricLoader.load(bytes: Array(model.rubricYAML.utf8), file: "rubric.yaml").rubric
    } catch {
        for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
        exit(1)
    }
    var outcomes: [BidImportOutcome] = []
    var scores: [ScoreSheetEntry] = []
    let building = clock.measure {
        outcomes = model.bids.map { .imported(makeBid($0, tenderID: model.tenderID), warnings: []) }
        scores = model.committeeScores.enumerated().map { offset, score in
            ScoreSheetEntry(
                member: score.member,
                bidder: score.bidder,
                criterionID: score.criterionID,
                score: score.score,
                location: SourceLocation(file: "committee-scores.csv", line: offset + 2, column: 1)
            )
        }
    }
    print(
        "built \(outcomes.count) bids and \(scores.count) committee scores in memory in \(format(seconds(building))) s"
    )
    var times: [Double] = []
    for run in 1...options.runs {
        var evaluation: Evaluation?
        var failure: DiagnosticError?
        let start = clock.now
        do {
            evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: outcomes, scores: scores)
        } catch {
            failure = error
        }
        let elapsed = clock.now - start
        if let failure {
            for diagnostic in failure.diagnostics.prefix(20) {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            exit(1)
        }
        times.append(seconds(elapsed))
        if let evaluation {
            let valid = evaluation.results.filter { $0.status == .valid }.count
            let disqualified = evaluation.results.filter { $0.status == .disqualified }.count
            let winner =
                evaluation.results.first.map { "\($0.displayName) \($0.total?.fixedText(places: 2) ?? "-")" } ?? "-"
            print(
                "run \(run): evaluate \(format(seconds(elapsed))) s (valid \(valid), disqualified \(disqualified), "
                    + "flags \(evaluation.flags.count), first: \(winner))"
            )
        }
    }
    let median = times.sorted()[times.count / 2]
    print("median evaluate seconds: \(format(median))")
}

/// numpy `.npy` version 1.0: magic, header dict padded with spaces to a multiple of 64 bytes, raw data.
func npy(_ values: [Double], shape: [Int]) -> Data {
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
    let length = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
    data.append(contentsOf: Array(header.utf8))
    values.withUnsafeBytes { raw in
        for value in raw.bindMemory(to: UInt64.self) {
            var little = value.littleEndian
            withUnsafeBytes(of: &little) { data.append(contentsOf: $0) }
        }
    }
    return data
}

func runMatrix(_ options: Options) {
    let model = SyntheticTenderModel.generate(bids: options.bids, criteria: options.criteria, seed: options.seed)
    let rubric: Rubric
    do {
        rubric = try RubricLoader.load(bytes: Array(model.rubricYAML.utf8), file: "rubric.yaml").rubric
    } catch {
        fail("synthetic rubric does not load: \(error.diagnostics.first.map(String.init(describing:)) ?? "")")
    }
    // Raw value per criterion: price total, the objective fact (booleans 0/1, lookup texts as their points),
    // the mean committee score; lower-is-better columns negated so that every column is "more is better".
    var lookups: [String: [String: Double]] = [:]
    for criterion in rubric.criteria {
        if case .objective(let rule) = criterion.rule, case .lookup(let entries, _) = rule.scale {
            lookups[criterion.id] = Dictionary(
                entries.map { ($0.key, double($0.points)) },
                uniquingKeysWith: { first, _ in first }
            )
        }
    }
    var judgement: [String: [String: (sum: Double, count: Int)]] = [:]
    for score in model.committeeScores {
        let value = double(score.score)
        let old = judgement[score.bidder, default: [:]][score.criterionID] ?? (0, 0)
        judgement[score.bidder, default: [:]][score.criterionID] = (old.sum + value, old.count + 1)
    }
    var values: [Double] = []
    values.reserveCapacity(model.bids.count * model.criteria.count)
    for bid in model.bids {
        for criterion in model.criteria {
            var value: Double
            switch criterion.kind {
            case .price:
                value = double(bid.total)
            case .judgement:
                let entry = judgement[bid.name]?[criterion.id] ?? (0, 1)
                value = entry.sum / Double(max(1, entry.count))
            case .objective:
                switch bid.facts[criterion.id] {
                case .number(let number): value = double(number)
                case .boolean(let flag): value = flag ? 1 : 0
                case .text(let text): value = lookups[criterion.id]?[text] ?? 0
                case nil: value = 0
                }
            }
            if criterion.lowerIsBetter { value = -value }
            values.append(value)
        }
    }
    let weights = model.criteria.map { double($0.points) }
    guard let directory = options.out else { fail("matrix needs --out DIR") }
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try npy(values, shape: [model.bids.count, model.criteria.count])
            .write(to: URL(fileURLWithPath: directory).appendingPathComponent("X.npy"))
        try npy(weights, shape: [weights.count]).write(
            to: URL(fileURLWithPath: directory).appendingPathComponent("w.npy")
        )
    } catch {
        FileHandle.standardError.write(Data("tender-eval-bench: cannot write to \(directory): \(error)\n".utf8))
        exit(1)
    }
    print("wrote \(directory)/X.npy (\(model.bids.count) x \(model.criteria.count)) and \(directory)/w.npy")
}

func runFiles(_ options: Options) {
    let tender = SyntheticTender.generate(bids: options.bids, criteria: options.criteria, seed: options.seed)
    guard let directory = options.out else { fail("files needs --out DIR") }
    let base = URL(fileURLWithPath: directory)
    do {
        try FileManager.default.createDirectory(
            at: base.appendingPathComponent("bids"),
            withIntermediateDirectories: true
        )
        try Data(tender.rubricYAML.utf8).write(to: base.appendingPathComponent("rubric.yaml"))
        try Data(tender.scoreSheetCSV.utf8).write(
            to: base.appendingPathComponent("bids").appendingPathComponent("committee-scores.csv")
        )
        for bid in tender.bids {
            try Data(bid.xml.utf8).write(to: base.appendingPathComponent("bids").appendingPathComponent(bid.fileName))
        }
    } catch {
        FileHandle.standardError.write(Data("tender-eval-bench: cannot write to \(directory): \(error)\n".utf8))
        exit(1)
    }
    print("wrote \(directory)/rubric.yaml, \(tender.bids.count) bids and bids/committee-scores.csv")
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
switch options.mode {
case "scoring": runScoring(options)
case "files": runFiles(options)
case "performance": runPerformance(options)
case "performance-example": runPerformanceExample(options)
default: runMatrix(options)
}
