import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

/// Issue 7: `published` and `submission-deadline` in the tender header.
@Suite struct TenderDatesTests {
    static func rubric(_ dates: String) throws -> String {
        let base = try String(contentsOf: RubricFixtures.url("valid.yaml"), encoding: .utf8)
        return base.replacingOccurrences(
            of: "  evaluation-date: 2020-11-20\n",
            with: "  evaluation-date: 2020-11-20\n" + dates
        )
    }

    @Test func datesAreReadWhenGiven() throws {
        let yaml = try Self.rubric("  published: 2020-10-28\n  submission-deadline: 2020-11-19T09:30:00+08:00\n")
        let loaded = try RubricLoader.load(bytes: Array(yaml.utf8), file: "dates.yaml")
        #expect(loaded.rubric.tender.published == "2020-10-28")
        #expect(loaded.rubric.tender.submissionDeadline == "2020-11-19T09:30:00+08:00")
        #expect(RubricLint.dateNotes(for: loaded.rubric).isEmpty)
    }

    @Test func absentDatesGiveCn87Notes() throws {
        let loaded = try RubricFixtures.load("valid.yaml")
        #expect(RubricLint.dateNotes(for: loaded.rubric).map(\.severity) == [.note, .note])
    }

    @Test func datesOutOfOrderOrMalformedAreLocatedErrors() throws {
        #expect(
            RubricFixtures.errors(
                inline: try Self.rubric("  published: 2020-11-25\n  submission-deadline: 2020-11-19T09:30\n"),
                file: "dates.yaml"
            ).filter { $0.contains("published") || $0.contains("deadline") }.count == 2
        )
        let order = RubricFixtures.errors(
            inline: try Self.rubric("  published: 2020-11-25\n  submission-deadline: 2020-11-21\n"),
            file: "dates.yaml"
        )
        #expect(
            order.contains {
                $0.hasSuffix("error: submission-deadline 2020-11-21 is before the publication date 2020-11-25")
            }
        )
        #expect(
            order.contains {
                $0.hasSuffix("error: submission-deadline 2020-11-21 is after the evaluation date 2020-11-20")
            }
        )
        let invalid = RubricFixtures.errors(inline: try Self.rubric("  published: 2020-02-30\n"), file: "dates.yaml")
        #expect(
            invalid.contains { $0.hasSuffix("error: published must be a date written YYYY-MM-DD, found '2020-02-30'") }
        )
    }

    @Test func deadlinesNeedAZoneWhenTheyHaveATime() {
        #expect(RubricBuilder.isDeadline("2020-11-19"))
        #expect(RubricBuilder.isDeadline("2020-11-19T09:30:00+08:00"))
        #expect(RubricBuilder.isDeadline("2020-11-19T01:30:00Z"))
        #expect(!RubricBuilder.isDeadline("2020-11-19T09:30:00"))
        #expect(!RubricBuilder.isDeadline("2020-02-30"))
    }
}
