import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

/// The notice and the letters as pure renderers: what they may never contain, and the file names they get.
@Suite struct PublicDocumentsTests {
    static func rendered(_ evaluation: Evaluation, _ language: ReportLanguage) -> [String: String] {
        var files: [String: String] = [:]
        for file in PublicDocuments.files(evaluation, context: Sample.context(language)) {
            let buffer = ReportBuffer()
            file.write(buffer)
            files[file.name] = buffer.text
        }
        return files
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func noDocumentNamesAMemberOrShowsAMembersScore(language: ReportLanguage) throws {
        // The sample's unreadable bid keeps it from concluding; without it the evaluation is final.
        var evaluation = Sample.evaluation()
        evaluation.results.removeAll { $0.status == .notEvaluated }
        #expect(evaluation.conclusion == .final)
        let files = Self.rendered(evaluation, language)
        let letters = evaluation.results.filter { $0.status != .notEvaluated }.count
        #expect(files.count == 2 + 2 * letters)
        #expect(files.keys.contains("public/notice.md") && files.keys.contains("public/notice.html"))
        for (name, text) in files {
            for member in Sample.members { #expect(!text.contains(member), "\(name) names \(member)") }
            #expect(!text.contains("<script"), "\(name)")
        }
        let notice = try #require(files["public/notice.md"])
        let candidates = PublicDocuments.candidates(evaluation)
        #expect(candidates.count <= PublicDocuments.maximumCandidates)
        #expect(candidates.map(\.rank) == candidates.map(\.rank).sorted { ($0 ?? 0) < ($1 ?? 0) })
        for candidate in candidates { #expect(notice.contains(candidate.displayName)) }
    }

    /// A member who names a member in a reason ("本人（刘洋）认为…") is not named in a letter that quotes it.
    @Test(arguments: [ReportLanguage.zh, .en])
    func aReasonNamingAMemberIsQuotedWithoutTheName(language: ReportLanguage) throws {
        var evaluation = Sample.evaluation()
        evaluation.results.removeAll { $0.status == .notEvaluated }
        let member = try #require(Sample.members.first)
        var planted = 0
        for resultIndex in evaluation.results.indices {
            for scoreIndex in evaluation.results[resultIndex].criterionScores.indices {
                guard case .judgement(var aggregate) = evaluation.results[resultIndex].criterionScores[scoreIndex].basis
                else { continue }
                for memberIndex in aggregate.scores.indices {
                    aggregate.scores[memberIndex].reason = "本人（\(member)）认为方案一般"
                    planted += 1
                }
                evaluation.results[resultIndex].criterionScores[scoreIndex].basis = .judgement(aggregate)
            }
        }
        #expect(planted > 0)
        let letters = Self.rendered(evaluation, language).filter { $0.key.hasPrefix("letters/") }
        #expect(letters.values.contains { $0.contains("认为方案一般") })
        for (name, text) in letters { #expect(!text.contains(member), "\(name) names \(member)") }
    }

    @Test func anEvaluationThatIsNotFinalPublishesNothing() {
        var evaluation = Sample.evaluation()
        evaluation.outstanding = [OutstandingScore(member: "m1", bidder: "b", criterionID: "plan")]
        #expect(evaluation.conclusion != .final)
        #expect(PublicDocuments.files(evaluation, context: Sample.context(.zh)).isEmpty)
    }

    @Test func letterNamesKeepOnlySafeCharactersAndTheToolKnowsThem() {
        func result(_ id: String?) -> BidResult {
            BidResult(
                file: "x.xml",
                bidderName: "../x",
                registrationID: id,
                size: nil,
                submittedAt: nil,
                status: .valid
            )
        }
        #expect(
            PublicDocuments.letterStem(position: 3, of: 9, result("../../etc/\u{202E}pass\u{0}wd")) == "03-etcpasswd"
        )
        #expect(PublicDocuments.letterStem(position: 12, of: 120, result(nil)) == "012-bidder")
        #expect(PublicDocuments.letterStem(position: 1, of: 2, result("中文")) == "01-bidder")
        #expect(PublicDocuments.letterStem(position: 1, of: 2, result("913310031234567890")) == "01-913310031234567890")
        #expect(PublicDocuments.isLetterName("03-etcpasswd.md"))
        #expect(PublicDocuments.isLetterName("012-bidder.html"))
        for name in ["thesis.docx", "03-.md", "3-x.md", "03-x.txt", "03-../x.md", "03-x y.md", "..", "03-x.md/"] {
            #expect(!PublicDocuments.isLetterName(name), "\(name)")
        }
    }
}
