import Foundation
import TenderTestSupport
import Testing

/// Issue 7, identities: names and registration ids are compared through normalised keys, not as written.
@Suite struct IdentityAttackTests {
    static let juxiangID = "91331003MA2D9FX61W"
    static let jinqiaoID = "91331002MA29L6B85G"

    @Test func spoofedRegistrationIDWithZeroWidthSpaceAndOtherCaseIsHeldAndTheRivalStaysRanked() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/04-qinghe.xml",
            "<name>台州青禾环境服务有限公司</name>",
            "<name>台州青禾物业有限公司</name>",
            to: "bids/10-spoof.xml"
        )
        try copy.edit("bids/10-spoof.xml", "91331004MA2HB7N44T", "91331003ma2d9\u{200B}fx61w")
        let result = try copy.score()
        #expect(result.status == 4)
        #expect(
            copy.stderrLines(result) == [
                "bids/10-spoof.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/05-juxiang.xml "
                    + "(after removing U+200B and ignoring letter case); this bid is held for the committee, which "
                    + "decides whether it speaks for that bidder"
            ]
        )
        #expect(result.stdout.contains("| 1 | 台州橘乡物业服务有限公司 | 81.51 |"))
        #expect(result.stdout.contains("| 7 | 台州青禾环境服务有限公司 | 55.95 |"))
    }

    @Test func compatibilityVariantOfARivalsNameIsHeld() throws {
        let copy = try ExampleTenderCopy()
        // U+F90A is the compatibility ideograph of 金; NFKC (and even canonical equivalence) reads it as 金.
        try copy.edit(
            "bids/03-jinqiao.xml",
            "<name>台州金桥物业管理有限公司</name>",
            "<name>台州\u{F90A}桥物业管理有限公司</name>",
            to: "bids/10-copy.xml"
        )
        try copy.edit("bids/10-copy.xml", Self.jinqiaoID, "91331002MA29L6B99X")
        let result = try copy.score()
        #expect(result.status == 4)
        #expect(
            copy.stderrLines(result) == [
                "bids/10-copy.xml:3: error: bidder name '台州金桥物业管理有限公司' is also claimed by bids/03-jinqiao.xml "
                    + "(after reading compatibility characters (full-width letters, compatibility ideographs) as "
                    + "plain ones); this bid is held for the committee, which decides whether it speaks for that bidder"
            ]
        )
    }

    @Test func exactCopiesAreAllHeldBecauseNothingTellsThemApart() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit("bids/03-jinqiao.xml", "<size>", "<size>", to: "bids/10-copy.xml")
        let result = try copy.score()
        #expect(result.status == 4)
        let expected = [
            "bids/03-jinqiao.xml:3: error: bidder name '台州金桥物业管理有限公司' is also claimed by bids/10-copy.xml; "
                + "registration id '\(Self.jinqiaoID)' is also claimed by bids/10-copy.xml; none of these bids is "
                + "evaluated until the committee decides which one counts",
            "bids/10-copy.xml:3: error: bidder name '台州金桥物业管理有限公司' is also claimed by bids/03-jinqiao.xml; "
                + "registration id '\(Self.jinqiaoID)' is also claimed by bids/03-jinqiao.xml; none of these bids is "
                + "evaluated until the committee decides which one counts",
        ]
        #expect(copy.stderrLines(result) == expected)
    }

    @Test func aScoreSheetRowNamingABidderByAnotherBiddersRegistrationIDIsAnError() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/04-qinghe.xml",
            "<name>台州青禾环境服务有限公司</name>",
            "<name>\(Self.jinqiaoID)</name>",
            to: "bids/10-named-as-id.xml"
        )
        try copy.edit("bids/10-named-as-id.xml", "91331004MA2HB7N44T", "91331004MA2HB7N99Z")
        try copy.edit(
            "bids/committee-scores.csv",
            "评委1,台州金桥物业管理有限公司,service-plan",
            "评委1,\(Self.jinqiaoID),service-plan"
        )
        let result = try copy.score()
        #expect(result.status == 1)
        #expect(
            copy.stderrLines(result).contains(
                "bids/committee-scores.csv:8:37: error: '\(Self.jinqiaoID)' is the name of '\(Self.jinqiaoID)' "
                    + "(bids/10-named-as-id.xml) and the registration id of '台州金桥物业管理有限公司' "
                    + "(bids/03-jinqiao.xml); a registration id never matches another bidder's name, so write the "
                    + "name or id that only one bidder has"
            )
        )
    }

    @Test func theSameBidderMayBeScoredByNameAndByRegistrationID() throws {
        let copy = try ExampleTenderCopy()
        let sheet = try copy.text("bids/committee-scores.csv")
        try sheet.replacingOccurrences(of: "评委1,台州橘乡物业服务有限公司,", with: "评委1, 91331003ma2d9fx61w ,")
            .write(
                to: copy.folder.appendingPathComponent("bids/committee-scores.csv"),
                atomically: true,
                encoding: .utf8
            )
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("| 1 | 台州橘乡物业服务有限公司 | 81.51 |"))
    }

    @Test func bidderNamesWithBidiOrZeroWidthCharactersAreFlagged() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/05-juxiang.xml",
            "<name>台州橘乡物业服务有限公司</name>",
            "<name>台州橘乡\u{200B}物业服务有限公司\u{202E}</name>"
        )
        let result = try copy.score()
        // The sheet's plain name still matches the bid through the normalised key.
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "- Suspicious bidder name: 台州橘乡\\\\u{200B}物业服务有限公司\\\\u{202E} (bids/05-juxiang.xml) "
                    + "contains invisible or text-direction characters (U+200B, U+202E); the committee should check "
                    + "it against the bidder's registration"
            )
        )
    }
}
