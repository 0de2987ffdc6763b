import Foundation
import TenderTestSupport
import Testing

/// Issue 7, items 6 and 7: rubric expressions are checked when the rubric is checked, and the work one bid can
/// cause is bounded. Every test runs the built binary as a real process with a time limit.
@Suite struct XPathAttackTests {
    static let exampleRubric = CLI.root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml")
    static let exampleBids = CLI.root.appendingPathComponent("bids/huangyan-logistics-2020")
    /// The expression of criterion 'certified-staff', at line 98 of the example rubric; its text starts at column 19.
    static let certifiedStaff = #"value: "count(/b:bid/b:capability/b:staff/b:person[b:qualification])""#

    /// A copy of the example rubric in a new folder, with the certified-staff expression replaced by `expression`.
    static func rubric(withExpression expression: String) throws -> URL {
        let folder = try CLI.temporaryFolder()
        let text = try String(contentsOf: exampleRubric, encoding: .utf8)
        let quoted = "value: \"" + expression.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        #expect(text.contains(certifiedStaff))
        try Data(text.replacingOccurrences(of: certifiedStaff, with: quoted).utf8)
            .write(to: folder.appendingPathComponent("rubric.yaml"))
        return folder
    }

    @Test(arguments: [
        (
            "cuont(b:capability/b:staff/b:person)",
            "101:19: error: unknown XPath function 'cuont()'; did you mean 'count()'?"
        ),
        (
            "count(document('http://example.com/x.xml')//b:person)",
            "101:25: error: XPath function 'document()' is not available; rubric expressions may use only the core "
                + "functions of XPath 1.0"
        ),
        (
            "string-length(unparsed-text('/etc/passwd'))",
            "101:33: error: XPath function 'unparsed-text()' is not available; rubric expressions may use only the "
                + "core functions of XPath 1.0"
        ),
        (
            "count(exsl:node-set(b:capability))",
            "101:25: error: XPath function 'exsl:node-set()' is not available; rubric expressions may use only the "
                + "core functions of XPath 1.0"
        ),
        ("count(q:capability/b:staff)", "101:25: error: XPath prefix 'q' is not declared in 'namespaces'"),
        ("substring(b:capability)", "101:19: error: XPath function 'substring()' takes 2 to 3 arguments, found 1"),
        (
            "count(b:capability/b:staff) +",
            "101:48: error: invalid XPath expression 'count(b:capability/b:staff) +' in criterion 'certified-staff': "
                + "the expression is not valid XPath 1.0 here"
        ),
        ("count('b:capability')", "101:25: error: XPath function 'count()' needs a node-set argument, found a string"),
        (
            "count(/b:bid/b:capability/b:staff/b:person[sum(1)])",
            "101:66: error: XPath function 'sum()' needs a node-set argument, found a number"
        ),
        (
            "count(/b:bid/b:capability/b:staff/b:person[count(1)])",
            "101:68: error: XPath function 'count()' needs a node-set argument, found a number"
        ),
        (
            "count(/b:bid/b:capability/b:staff/b:person[name(1)])",
            "101:67: error: XPath function 'name()' needs a node-set argument, found a number"
        ),
        (
            "count(/b:bid/b:capability/b:staff/b:person[local-name('x')])",
            "101:73: error: XPath function 'local-name()' needs a node-set argument, found a string"
        ),
        (
            "count(/b:bid/b:capability/b:staff/b:person[namespace-uri(-1)])",
            "101:76: error: XPath function 'namespace-uri()' needs a node-set argument, found a number"
        ),
        (
            "count(/b:bid/b:capability/b:staff/b:person[sum(string(b:name)) > 0])",
            "101:66: error: XPath function 'sum()' needs a node-set argument, found 'string()', which returns a string"
        ),
    ])
    func checkAndScoreRefuseTheExpressionAtItsColumn(expression: String, message: String) throws {
        let folder = try Self.rubric(withExpression: expression)
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try CLI.run(["check", "rubric.yaml"], in: folder, timeLimit: 60)
        #expect(!check.timedOut)
        #expect(check.status == 1)
        #expect(check.stderr == "rubric.yaml:\(message)\n")
        #expect(check.stdout.isEmpty)
        // `score` stops on the same error before it reads any bid.
        let score = try CLI.run(
            ["score", "rubric.yaml", Self.exampleBids.path, "--lang", "en"],
            in: folder,
            timeLimit: 60
        )
        #expect(!score.timedOut)
        #expect(score.status == 1)
        #expect(score.stderr == "rubric.yaml:\(message)\n")
        let inspect = try CLI.run(
            ["inspect", "--rubric", "rubric.yaml", Self.exampleBids.appendingPathComponent("01-anlan.xml").path],
            in: folder,
            timeLimit: 60
        )
        #expect(inspect.status == 1)
        #expect(inspect.stderr == "rubric.yaml:\(message)\n")
    }

    /// The example bid of 安澜 under another bidder's name, with `staff` extra cleaners on its staff list.
    static func largeBid(staff: Int, name: String = "台州市大名单物业服务有限公司") throws -> Data {
        let source = try String(contentsOf: exampleBids.appendingPathComponent("01-anlan.xml"), encoding: .utf8)
            .replacingOccurrences(of: "台州市安澜物业服务有限公司", with: name)
            .replacingOccurrences(of: "91331003MA28E4C1X8", with: "91331003MA2XXXXX9Q")
        let marker = "<staff>"
        guard let range = source.range(of: marker) else { throw CocoaError(.fileReadCorruptFile) }
        var bytes = Data(source[..<range.upperBound].utf8)
        bytes.reserveCapacity(staff * 160 + source.utf8.count)
        for index in 0..<staff {
            bytes.append(
                contentsOf:
                    "\n      <person role=\"cleaner\"><name>保洁员\(index)</name><qualification>保洁员证</qualification>"
                    .utf8
            )
            bytes.append(contentsOf: "<years-experience>3</years-experience></person>".utf8)
        }
        bytes.append(contentsOf: source[range.upperBound...].utf8)
        return bytes
    }

    static let quadratic = "count(/b:bid/b:capability/b:staff/b:person[preceding-sibling::b:person/b:name = b:name])"

    /// The example tender's bids and score sheet, plus one bid with `staff` extra staff records, in a new folder
    /// next to a rubric whose certified-staff criterion compares every person with every earlier one.
    static func quadraticTender(staff: Int) throws -> URL {
        let folder = try rubric(withExpression: quadratic)
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.copyItem(at: exampleBids, to: bids)
        try largeBid(staff: staff).write(to: bids.appendingPathComponent("10-large.xml"))
        return folder
    }

    @Test func aQuadraticExpressionOverTwentyThousandStaffRecordsStopsAtTheBudget() throws {
        let folder = try Self.quadraticTender(staff: 20_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        // Unbounded, this bid takes about 600 million XPath operations (12 s of libxml2 alone).
        let result = try CLI.run(
            ["score", "rubric.yaml", "bids", "--out", out.path, "--lang", "en"],
            in: folder,
            timeLimit: 60
        )
        #expect(!result.timedOut)
        #expect(result.status == 4)
        #expect(
            result.stderr.hasSuffix(
                "bids/10-large.xml: error: evaluating the rubric's expressions took more than 100000000 XPath "
                    + "operations (criterion 'certified-staff'); raise --max-xpath-operations if the rubric really "
                    + "needs that much work in one bid\n"
            )
        )
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("scores.csv")), as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        #expect(rows.filter { $0.contains(",valid,") }.count == 7)
        #expect(rows.contains { $0.hasPrefix("1,") })
        #expect(rows.contains { $0.contains("bids/10-large.xml,not evaluated,") })
    }

    @Test func theBudgetIsSetOnTheCommandLine() throws {
        // 2,000 records: about 6 million operations, inside the default budget.
        let folder = try Self.quadraticTender(staff: 2_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = "bids/10-large.xml"
        let within = try CLI.run(["inspect", "--rubric", "rubric.yaml", large], in: folder, timeLimit: 60)
        #expect(within.status == 0)
        #expect(within.stdout.contains("certified-staff"))
        let tight = try CLI.run(
            ["inspect", "--rubric", "rubric.yaml", "--max-xpath-operations", "1000000", large],
            in: folder,
            timeLimit: 60
        )
        #expect(tight.status == 1)
        #expect(
            tight.stderr
                == "\(large): error: evaluating the rubric's expressions took more than 1000000 XPath operations "
                + "(criterion 'certified-staff'); raise --max-xpath-operations if the rubric really needs that much "
                + "work in one bid\n"
        )
        let none = try CLI.run(["score", "rubric.yaml", "bids", "--max-xpath-operations", "0"], in: folder)
        #expect(none.status == 64)
        #expect(none.stderr.contains("--max-xpath-operations must be from 1 to 9223372036854775807"))
    }

    @Test func aRubricOfTwoHundredFiftyKilobytesFullOfTyposIsCheckedQuickly() throws {
        // Thousands of criteria, a tie-break chain naming thousands of misspelt ones, misspelt keys and
        // functions: every typo is found, and the "did you mean" work stays bounded.
        var yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15, tie-break: [\
            \((0..<2_000).map { "criterion:crit-\($0)x" }.joined(separator: ", "))]}
            namespaces: {b: urn:tender-eval:bid:1}
            groups:
              - {id: price, points: 30, criteria: [{id: price, points: 30, price: lowest-price-ratio}]}
              - id: quality
                points: 70
                criteria:

            """
        var index = 0
        while yaml.utf8.count < 250_000 {
            yaml += "      - {id: crit-\(index), points: 1, nmae: x, "
            yaml += "objective: {value: \"cuont(b:x\(index))\", yes-no: {yes: 1}}}\n"
            index += 1
        }
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("typos.yaml"))
        let result = try CLI.run(["check", "typos.yaml"], in: folder, timeLimit: 30)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        // Every typo is found (and counted), but one file lists at most 50 problems: the first 50 in file order.
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.prefix(50).allSatisfy { $0.contains("error: tie-break refers to unknown criterion 'crit-") })
        // The 2,000 tie-break typos, a misspelt key and a misspelt function per criterion, and the group's sum.
        let unlisted = 2_000 + 2 * index + 1 - 50
        #expect(
            lines.last.map(String.init)
                == "typos.yaml: error: … and \(unlisted) more problems in this file (only the first 50 are listed)"
        )
        #expect(
            lines.first { $0.contains("unknown criterion 'crit-0x'") }
                == "typos.yaml:1:73: error: tie-break refers to unknown criterion 'crit-0x'; did you mean 'crit-0'?"
        )
    }
}

/// Issue 7, item 7: memory for a bid near the size limit stays a documented small multiple of its size, and copies
/// of it (copies or hard links) are parsed one after another, not all at once. Measured on the real process.
@Suite struct BidMemoryTests {
    /// The documented bound (README, docs/bid-format.md): 12 × the bid's size plus 64 MiB for the program itself.
    static func bound(forBytes bytes: Int) -> Int {
        (12 * bytes + 64 * 1024 * 1024) / 1024
    }

    @Test(.enabled(if: !HostileFileResourceTests.sanitized))
    func aBidNearTheSizeLimitAndFourCopiesOfItStayWithinTheBound() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Element-dense, the costliest shape for libxml2's tree: about 49 MiB of staff records.
        let staff = 49 * 1024 * 1024 / 148
        let bytes = try XPathAttackTests.largeBid(staff: staff)
        #expect(bytes.count > 48 * 1024 * 1024 && bytes.count < 50 * 1024 * 1024)
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.createDirectory(at: bids, withIntermediateDirectories: true)
        let first = bids.appendingPathComponent("1.xml")
        try bytes.write(to: first)
        let rubric = XPathAttackTests.exampleRubric.path
        let one = try HostileFileResourceTests.measure(["score", rubric, first.path, "--lang", "en"])
        // Evaluated in full; one valid bid of the minimum three is a failed tender (2), whatever scores are missing.
        #expect(one.status == 2)
        #expect(one.peakKilobytes > 100 * 1024, "the measurement is not real")
        #expect(one.peakKilobytes < Self.bound(forBytes: bytes.count), "peaked at \(one.peakKilobytes) KiB")
        // Four copies of it (three files copied, so nothing is shared on disk either) stay within the bound of one:
        // each is imported alone, and what its parse freed goes back to the system before the next.
        for index in 2...4 {
            try FileManager.default.copyItem(at: first, to: bids.appendingPathComponent("\(index).xml"))
        }
        let copies = try HostileFileResourceTests.measure(["score", rubric, bids.path, "--lang", "en"])
        // Four files of one bidder: evaluated or held as duplicates, never a crash; what matters here is memory.
        #expect([2, 4].contains(copies.status))
        #expect(copies.peakKilobytes < Self.bound(forBytes: bytes.count), "peaked at \(copies.peakKilobytes) KiB")
    }
}
