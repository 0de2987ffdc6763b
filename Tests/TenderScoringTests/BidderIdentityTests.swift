import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

/// Issue 7: one normalisation for every identity comparison.
@Suite struct BidderIdentityTests {
    @Test func keysIgnoreInvisibleCharactersWidthSpaceAndIdCase() {
        #expect(BidderIdentity.registrationIDKey(" 91331003ma2d9\u{200B}fx61w ")?.value == "91331003MA2D9FX61W")
        #expect(BidderIdentity.registrationIDKey("９１３３ 1003MA2D9FX61W")?.value == "91331003MA2D9FX61W")
        #expect(BidderIdentity.nameKey("  Acme\u{00AD}  Services\u{FEFF} Ltd ")?.value == "Acme Services Ltd")
        #expect(BidderIdentity.nameKey("ＡＣＭＥ")?.value == "ACME")
        #expect(BidderIdentity.nameKey("\u{200B}\u{2060}") == nil)
        // A name key never equals an id key, even for the same text.
        #expect(BidderIdentity.nameKey("ABC") != BidderIdentity.registrationIDKey("ABC"))
    }

    @Test func invisibleCharactersAreListedAndShown() {
        let name = "台州\u{202E}橘乡\u{200B}\u{202E}"
        #expect(BidderIdentity.invisibleCharacters(in: name).map(BidderIdentity.codePoint) == ["U+202E", "U+200B"])
        #expect(VisibleText.escaped(name) == "台州\\u{202E}橘乡\\u{200B}\\u{202E}")
    }

    @Test func plainSpellingsKeepFullWidthPunctuation() {
        #expect(BidderIdentity.isPlainName("台州（黄岩）物业有限公司"))
        #expect(!BidderIdentity.isPlainName("台州\u{F90A}桥"))
        #expect(!BidderIdentity.isPlainName("ＡＣＭＥ"))
    }

    @Test func onlyInvisibleCharactersOrCompatibilityFormsNeededForTheMatchAreADisguise() {
        let id = "91331003MA2D9FX61W"
        // White space and letter case are formatting, whichever side writes them.
        #expect(!BidderIdentity.isDisguised("9133 1003 MA2D 9FX6 1W", matching: id, part: .registrationID))
        #expect(!BidderIdentity.isDisguised(id, matching: "9133 1003 MA2D 9FX6 1W", part: .registrationID))
        #expect(!BidderIdentity.isDisguised("91331003ma2d9fx61w", matching: id, part: .registrationID))
        #expect(!BidderIdentity.isDisguised(id, matching: id, part: .registrationID))
        // An invisible character or a full-width digit is a disguise of the side that writes it, never the other's.
        #expect(BidderIdentity.isDisguised("91331003MA2D9\u{200B}FX61W", matching: id, part: .registrationID))
        #expect(!BidderIdentity.isDisguised(id, matching: "91331003MA2D9\u{200B}FX61W", part: .registrationID))
        #expect(BidderIdentity.isDisguised("９1331003MA2D9FX61W", matching: id, part: .registrationID))
        #expect(BidderIdentity.isDisguised("台州\u{F90A}桥", matching: "台州金桥", part: .name))
        // The same invisible character in the same place on both sides was not needed for the match.
        #expect(!BidderIdentity.isDisguised("Acme\u{200B} Ltd", matching: "Acme\u{200B}  Ltd", part: .name))
        // Full-width punctuation is ordinary Chinese typography, not a disguise.
        #expect(!BidderIdentity.isDisguised("台州（黄岩）物业", matching: "台州(黄岩)物业", part: .name))
    }

    @Test func duplicatesAreHeldUnlessOneBidIsImitatedByDisguisedCopies() {
        func bid(_ file: String, _ name: String, _ id: String) -> Bid {
            var bid = Build.plainBid(name, price: "100")
            bid.file = file
            bid.bidder.registrationID = id
            return bid
        }
        let genuine = bid("a.xml", "Acme", "ID1")
        let spoof = bid("b.xml", "Other", "id\u{200B}1")
        let (unique, held) = Admissibility.separateDuplicateBidders([spoof, genuine])
        #expect(unique.map(\.file) == ["a.xml"])
        #expect(
            held.map(\.problem.description) == [
                "b.xml:3: error: registration id 'ID1' is also claimed by a.xml (after removing U+200B and ignoring "
                    + "letter case); this bid is held for the committee, which decides whether it speaks for that bidder"
            ]
        )
        let (none, both) = Admissibility.separateDuplicateBidders([genuine, bid("c.xml", "Acme", "ID2")])
        #expect(none.isEmpty)
        #expect(both.map(\.bid.file) == ["a.xml", "c.xml"])
        // A plain copy of the id, against an original written in groups: spelling tells neither apart.
        let grouped = bid("a.xml", "Acme", "ID 1")
        let (neither, held2) = Admissibility.separateDuplicateBidders([grouped, bid("d.xml", "Other", "ID1")])
        #expect(neither.isEmpty)
        #expect(held2.map(\.bid.file) == ["a.xml", "d.xml"])
        #expect(held2.allSatisfy { $0.problem.message.contains("(after ignoring white space)") })
        // Two copies, one disguised and one plain: two bids without a disguise remain, so all three are held.
        let (noneOfThree, three) = Admissibility.separateDuplicateBidders([
            genuine, spoof, bid("e.xml", "Third", "id1"),
        ])
        #expect(noneOfThree.isEmpty)
        #expect(three.map(\.bid.file) == ["a.xml", "b.xml", "e.xml"])
    }

    @Test func datesOutsideTheTenderAreFound() {
        var tender = Build.rubric(groups: []).tender
        tender.published = "2020-10-28"
        tender.submissionDeadline = "2020-11-19T09:30:00+08:00"
        #expect(
            DateChecks.violationProblem("2021-01-01", tender: tender) == .afterEvaluation(evaluationDate: "2020-11-20")
        )
        #expect(
            DateChecks.violationProblem("1019-08-22", tender: tender)
                == .beforeEarliestPlausible(earliest: "1990-01-01")
        )
        #expect(DateChecks.violationProblem("2019-08-22", tender: tender) == nil)
        #expect(
            DateChecks.commitmentProblem("2020-10-27", tender: tender) == .beforePublication(published: "2020-10-28")
        )
        // A commitment signed after the deadline or after the bid was submitted cannot be part of the bid.
        #expect(
            DateChecks.commitmentProblem("2020-11-20", tender: tender)
                == .afterDeadline(deadline: "2020-11-19T09:30:00+08:00")
        )
        #expect(
            DateChecks.commitmentProblem("2020-11-19", tender: tender, submittedAt: "2020-11-18T16:37:25+08:00")
                == .afterSubmission(submittedAt: "2020-11-18T16:37:25+08:00")
        )
        #expect(
            DateChecks.commitmentProblem(
                "2020-11-18T17:00:00+08:00",
                tender: tender,
                submittedAt: "2020-11-18T16:37:25+08:00"
            ) == .afterSubmission(submittedAt: "2020-11-18T16:37:25+08:00")
        )
        // The deadline's day and the submission's day are allowed for a date without a time.
        #expect(DateChecks.commitmentProblem("2020-11-19", tender: tender) == nil)
        #expect(
            DateChecks.commitmentProblem("2020-11-18", tender: tender, submittedAt: "2020-11-18T16:37:25+08:00") == nil
        )
        #expect(DateChecks.lateSubmission("2020-11-19T09:30:00+08:00", tender: tender) == nil)
        #expect(DateChecks.lateSubmission("2020-11-19T09:30:01+08:00", tender: tender) != nil)
        // A time without a zone is read in the deadline's zone.
        #expect(DateChecks.lateSubmission("2020-11-19T09:31:00", tender: tender) != nil)
        #expect(DateChecks.earlySubmission("2020-10-01T08:00:00+08:00", tender: tender) != nil)
    }
}
