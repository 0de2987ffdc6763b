import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderSynth

@Suite struct SyntheticTenderTests {
    @Test(arguments: [2, 3, 4, 5, 9, 10, 11, 12, 36, 37, 50, 80])
    func generatedRubricLoadsWithoutErrors(criteria: Int) throws {
        let tender = SyntheticTender.generate(bids: 3, criteria: criteria, seed: 7)
        let loaded: LoadedRubric
        do {
            loaded = try RubricLoader.load(bytes: Array(tender.rubricYAML.utf8), file: "rubric.yaml")
        } catch {
            Issue.record(
                "rubric with \(criteria) criteria does not load:\n\(error.diagnostics.map(\.description).joined(separator: "\n"))"
            )
            return
        }
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description))")
        #expect(loaded.rubric.criteria.count == criteria)
        #expect((try? Points.sum(loaded.rubric.groups.map(\.points))) == 100)
        #expect(loaded.rubric.gates.map(\.id) == ["no-major-violation", "confidentiality", "integrity"])
        #expect(
            tender.model.criteria.map(\.id)
                == loaded.rubric.criteria.map(\.id).sorted { lhs, rhs in
                    let order = tender.model.criteria.map(\.id)
                    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
                }
        )
    }

    @Test func fiftyCriteriaUseEveryScaleAndTwoJudgements() throws {
        let tender = SyntheticTender.generate(bids: 1, criteria: 50, seed: 1)
        let rubric = try RubricLoader.load(bytes: Array(tender.rubricYAML.utf8), file: "rubric.yaml").rubric
        var kinds = Set<String>()
        var judgements = 0
        for criterion in rubric.criteria {
            switch criterion.rule {
            case .price: kinds.insert("price")
            case .judgement: judgements += 1
            case .history: kinds.insert("history")
            case .objective(let rule):
                switch rule.scale {
                case .linear: kinds.insert("linear")
                case .bands: kinds.insert("bands")
                case .perItem: kinds.insert("per-item")
                case .yesNo: kinds.insert("yes-no")
                case .lookup: kinds.insert("lookup")
                }
            }
        }
        #expect(kinds == ["price", "linear", "bands", "per-item", "yes-no", "lookup"])
        #expect(judgements == 2)
        #expect(rubric.criteria.first?.points == 30)
    }

    @Test func sameArgumentsGiveTheSameBytes() {
        let first = SyntheticTender.generate(bids: 60, criteria: 20, seed: 42)
        let second = SyntheticTender.generate(bids: 60, criteria: 20, seed: 42)
        #expect(first.rubricYAML == second.rubricYAML)
        #expect(first.scoreSheetCSV == second.scoreSheetCSV)
        #expect(first.bids.map(\.fileName) == second.bids.map(\.fileName))
        #expect(first.bids.map(\.xml) == second.bids.map(\.xml))
    }

    @Test func differentSeedsGiveDifferentTenders() {
        let first = SyntheticTender.generate(bids: 20, criteria: 20, seed: 1)
        let second = SyntheticTender.generate(bids: 20, criteria: 20, seed: 2)
        #expect(first.rubricYAML != second.rubricYAML)
        #expect(first.bids.map(\.xml) != second.bids.map(\.xml))
        #expect(first.scoreSheetCSV != second.scoreSheetCSV)
    }

    @Test func aLargerTenderStartsWithTheSameBidders() {
        // Every bid has its own random stream, so an ordinary bid's facts depend on its position only; the
        // rubric's criteria do not depend on the bid count.
        let small = SyntheticTenderModel.generate(bids: 5, criteria: 20, seed: 3)
        let large = SyntheticTenderModel.generate(bids: 50, criteria: 20, seed: 3)
        #expect(small.criteria == large.criteria)
        let ordinary = (0..<5).filter { large.bids[$0].design == .ordinary }
        #expect(ordinary.count >= 3)
        for index in ordinary {
            #expect(small.bids[index].facts == large.bids[index].facts)
            #expect(small.bids[index].total == large.bids[index].total)
        }
    }

    @Test func bidderNamesAndRegistrationIDsAreUniqueAndWellFormed() {
        let model = SyntheticTenderModel.generate(bids: 3000, criteria: 5, seed: 9)
        #expect(Set(model.bids.map(\.name)).count == 3000)
        #expect(Set(model.bids.map(\.registrationID)).count == 3000)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        for bid in model.bids.prefix(200) {
            let characters = Array(bid.registrationID)
            #expect(characters.count == 18)
            let sum = zip(characters.prefix(17), weights).reduce(0) {
                $0 + (alphabet.firstIndex(of: $1.0) ?? 99) * $1.1
            }
            #expect(alphabet[(31 - sum % 31) % 31] == characters[17], "\(bid.registrationID)")
        }
    }

    @Test func someBidsAreBuiltToFailGatesOrToBeAbnormallyLow() {
        let model = SyntheticTenderModel.generate(bids: 1000, criteria: 10, seed: 5)
        let counts = Dictionary(grouping: model.bids, by: \.design).mapValues(\.count)
        #expect(counts[.missingConfidentiality] == 12)
        #expect(counts[.unsignedIntegrity] == 8)
        #expect(counts[.recentMajorViolation] == 10)
        #expect(counts[.abnormallyLow] == 20)
        for bid in model.bids {
            switch bid.design {
            case .missingConfidentiality:
                #expect(!bid.commitments.contains { $0.kind == "confidentiality" })
            case .unsignedIntegrity:
                #expect(bid.commitments.contains { $0.kind == "integrity" && $0.signed == nil })
            case .recentMajorViolation:
                #expect(bid.violations.contains { $0.severity == .major && $0.date >= "2021-06-20" })
            case .abnormallyLow:
                #expect(Int128(bid.total.units) * 100 < Int128(model.budget.units) * 61)
            case .ordinary:
                #expect(Int128(bid.total.units) * 100 >= Int128(model.budget.units) * 80)
                #expect(!bid.violations.contains { $0.severity == .major && $0.date >= "2021-06-20" })
                #expect(bid.commitments.allSatisfy { $0.signed != nil })
                #expect(bid.commitments.count == 3)
            }
            #expect((try? Money.sum(bid.priceLines.map(\.amount))) == bid.total)
        }
        let small = SyntheticTenderModel.generate(bids: 8, criteria: 10, seed: 5)
        #expect(Set(small.bids.map(\.design)) == Set(SyntheticBidDesign.allCases))
    }

    @Test func committeeScoresEveryBidderOnEveryJudgementCriterion() throws {
        let tender = SyntheticTender.generate(bids: 30, criteria: 12, seed: 11)
        let model = tender.model
        // Five members, or seven from a budget of 10 million yuan (87号令 Art 47).
        let size = model.budget >= 10_000_000 ? 7 : 5
        #expect(model.members.count == size)
        #expect(Set(model.members).count == size)
        #expect(model.committeeScores.count == 30 * 2 * size)
        let points = Dictionary(uniqueKeysWithValues: model.criteria.map { ($0.id, $0.points) })
        for score in model.committeeScores {
            let maximum = try #require(points[score.criterionID])
            #expect(score.score >= 0 && score.score <= maximum)
            #expect((score.score.units * 2) % Points.unitsPerWhole == 0)
        }
        let lines = tender.scoreSheetCSV.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "member,bidder,criterion,score")
        #expect(lines.count == 30 * 2 * 5 + 2)
        #expect(lines.last == "")
    }

    /// The bids import through the real importer (libxml2 + the embedded XSD) and yield exactly the facts the
    /// model says, so in-memory benchmark bids equal imported ones.
    @Test(arguments: [(50, 1 as UInt64), (12, 2), (5, 3)])
    func sampleBidsImportAndYieldTheModelFacts(criteria: Int, seed: UInt64) throws {
        let tender = SyntheticTender.generate(bids: 40, criteria: criteria, seed: seed)
        let rubric = try RubricLoader.load(bytes: Array(tender.rubricYAML.utf8), file: "rubric.yaml").rubric
        let importer = try BidImporter(queries: rubric.factQueries, namespaces: rubric.namespaces)
        let outcomes = importer.importBids(tender.bids.map { ($0.fileName, Array($0.xml.utf8)) })
        for (outcome, expected) in zip(outcomes, tender.model.bids) {
            switch outcome {
            case .rejected(let file, let diagnostics):
                Issue.record("\(file) rejected: \(diagnostics.map(\.description).joined(separator: "\n"))")
            case .imported(let bid, let warnings):
                #expect(warnings.isEmpty, "\(warnings.map(\.description))")
                #expect(bid.bidder.name == expected.name)
                #expect(bid.bidder.registrationID == expected.registrationID)
                #expect(bid.bidder.size == expected.size)
                #expect(bid.price?.total == expected.total)
                #expect(bid.tenderReference == rubric.tender.id)
                #expect(bid.commitments.map(\.kind) == expected.commitments.map(\.kind))
                #expect(bid.commitments.map(\.signedOn) == expected.commitments.map(\.signed))
                #expect(bid.violations.map(\.date) == expected.violations.map(\.date))
                let facts = bid.facts.mapValues { fact -> SyntheticFactValue? in
                    switch fact.value {
                    case .number(let number): return .number(number)
                    case .text(let text): return .text(text)
                    case .boolean(let flag): return .boolean(flag)
                    case .absent: return nil
                    }
                }
                #expect(facts == expected.facts.mapValues { Optional($0) }, "\(expected.fileName)")
            }
            #expect(importer.validateSchema(bytes: Array(tender.bids[0].xml.utf8), file: "bid.xml").isEmpty)
        }
    }

    /// The test setup (`scripts/setup.sh --tests`) installs xmllint; a clone without it skips this test visibly,
    /// and CI, where the setup ran, fails it if xmllint is still missing.
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(
        .enabled(
            if: xmllint != nil || ProcessInfo.processInfo.environment["CI"] == "true",
            "needs xmllint (apt-get install libxml2-utils)"
        )
    )
    func bidsValidateAgainstTheRepositorySchemaWithXmllint() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schemas/tender-bid-1.xsd").path
        let xmllint = try #require(Self.xmllint, "xmllint (libxml2-utils) is not installed")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tender = SyntheticTender.generate(bids: 25, criteria: 50, seed: 4)
        var paths: [String] = []
        for bid in tender.bids {
            let url = directory.appendingPathComponent(bid.fileName)
            try Data(bid.xml.utf8).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", schema] + paths
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.components(separatedBy: " validates").count - 1 == 25)
    }

    @Test func fixedPointTextIsPlainDecimal() {
        #expect(Fixed.text(137, places: 2) == "1.37")
        #expect(Fixed.text(3_000_000, places: 5) == "30")
        #expect(Fixed.text(12_500, places: 5) == "0.125")
        #expect(Fixed.text(5, places: 2) == "0.05")
        #expect(Fixed.text(0, places: 5) == "0")
    }
}
