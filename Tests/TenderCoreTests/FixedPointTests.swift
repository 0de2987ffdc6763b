import TenderCore
import Testing

@Suite struct DecimalTextTests {
    @Test(arguments: [
        ("12", 12, 0), ("-12", -12, 0), ("+0.5", 5, 1), ("2288231.72", 228_823_172, 2), ("1.50", 15, 1),
        ("0.05", 5, 2), ("0.0000000000000001", 1, 16), ("000123.4500", 12_345, 2), ("-0.000", 0, 0),
    ])
    func parsesPlainNumerals(text: String, units: Int, scale: Int) throws {
        let parsed = try DecimalText.parse(text)
        #expect(parsed.units == Int128(units))
        #expect(parsed.scale == scale)
    }

    @Test(arguments: ["", "-", ".5", "12.", "1e5", "1,5", " 1", "1 ", "NaN", "inf", "--1", "1-", "0x10", "١٢"])
    func refusesAnythingElse(text: String) {
        #expect(throws: DecimalText.Problem.notANumber) { try DecimalText.parse(text) }
    }

    @Test func refusesMoreDigitsThanAnInt64Holds() throws {
        #expect(throws: DecimalText.Problem.tooLarge) { try DecimalText.parse("1234567890123456789") }
        #expect(throws: DecimalText.Problem.tooLarge) {
            try DecimalText.parse("1." + String(repeating: "0", count: 40) + "1")
        }
        #expect(throws: DecimalText.Problem.tooManyDecimals(maximum: 38)) {
            try DecimalText.parse("0." + String(repeating: "0", count: 40) + "1")
        }
        // Trailing zeros are not digits that need holding.
        #expect(try DecimalText.parse("1." + String(repeating: "0", count: 60)).units == 1)
    }

    @Test func fixedAndShortestText() {
        #expect(DecimalText.fixed(units: 137, places: 2) == "1.37")
        #expect(DecimalText.fixed(units: 5, places: 2) == "0.05")
        #expect(DecimalText.fixed(units: -5, places: 3) == "-0.005")
        #expect(DecimalText.fixed(units: 0, places: 2) == "0.00")
        #expect(DecimalText.fixed(units: 42, places: 0) == "42")
        #expect(DecimalText.shortest(units: 3_000_000, places: 5) == "30")
        #expect(DecimalText.shortest(units: 12_500, places: 5) == "0.125")
    }
}

@Suite struct ExactRatioTests {
    func ratio(_ text: String) throws -> ExactRatio {
        try ExactRatio(parsing: text)
    }

    @Test func keepsLowestTerms() throws {
        let value = try ExactRatio(6, -4)
        #expect(value.numerator == -3)
        #expect(value.denominator == 2)
        #expect(value.fractionText == "-3/2")
        #expect(try ExactRatio(10, 5).fractionText == "2")
    }

    @Test func zhuhaiPriceScoresAreExact() throws {
        // 87号令 worked example: P_min / P_i × 20 at two decimals.
        let lowest = try ratio("2288231.72")
        for (price, expected) in [
            ("2288231.72", "20.00"), ("2296000", "19.93"), ("2299500", "19.90"), ("2311000", "19.80"),
        ] {
            let score = try lowest / ratio(price) * ExactRatio(20)
            #expect(try score.fixedText(places: 2) == expected)
        }
    }

    @Test func unroundedTextIsExactOrVisiblyCut() throws {
        let score = try ratio("6318000") * ExactRatio(30) / ratio("8936400")
        #expect(score.decimalText(maximumDigits: 4) == "21.2098…")
        #expect(try ratio("21.25").decimalText() == "21.25")
        #expect(try (ExactRatio(1) / ExactRatio(3)).decimalText(maximumDigits: 3) == "0.333…")
        #expect(!score.terminates)
        #expect(try ratio("0.125").terminates)
    }

    @Test func roundsHalfAwayFromZero() throws {
        #expect(try ratio("2.345").fixedText(places: 2) == "2.35")
        #expect(try ratio("-2.345").fixedText(places: 2) == "-2.35")
        #expect(try ratio("2.3449999").fixedText(places: 2) == "2.34")
        #expect(try ratio("0.5").fixedText(places: 0) == "1")
        #expect(try ratio("-0.5").fixedText(places: 0) == "-1")
        #expect(try ratio("-0.004").fixedText(places: 2) == "0.00")
    }

    @Test func comparesWithoutOverflow() throws {
        let huge = try ExactRatio(Int128.max, Int128.max - 1)
        let other = try ExactRatio(Int128.max - 1, Int128.max - 2)
        #expect(huge < other)
        #expect(try ratio("-1.5") < ratio("-1.25"))
        #expect(!(try ratio("2") < ratio("2.0")))
        #expect(try ExactRatio(1, 3) < ExactRatio(1, 2))
    }

    @Test func overflowIsReportedNotWrapped() throws {
        let big = try ExactRatio(Int128.max / 2, 1)
        #expect(throws: FixedPointOverflow(.outOfRange)) { try big * ExactRatio(3) }
        #expect(throws: FixedPointOverflow(.outOfRange)) { try big + big + big }
        #expect(throws: FixedPointOverflow(.divisionByZero)) { try ExactRatio(1) / ExactRatio.zero }
        #expect(throws: FixedPointOverflow(.divisionByZero)) { try ExactRatio(1, 0) }
    }
}

@Suite struct MoneyAndPointsTests {
    @Test func moneyHoldsEveryDeductedPriceExactly() throws {
        let price = try Money(parsing: "1234.56")
        let evaluated = try Money(exactly: price.ratio * ExactRatio(parsing: "87.5") / ExactRatio(100))
        #expect(evaluated.plainText == "1080.24")
        let odd = try Money(
            exactly: try Money(parsing: "1234.57").ratio * ExactRatio(parsing: "87.5") / ExactRatio(100)
        )
        #expect(odd.plainText == "1080.24875")
        #expect(odd.fixedText(places: 2) == "1080.25")
    }

    @Test func moneyRefusesWhatItCannotHold() throws {
        #expect(throws: DecimalText.Problem.tooManyDecimals(maximum: 6)) { try Money(parsing: "0.0000000000000001") }
        #expect(throws: DecimalText.Problem.tooLarge) { try Money(parsing: "10000000000000") }
        #expect(throws: FixedPointOverflow(.outOfRange)) { try Money(exactly: ExactRatio(1, 3)) }
    }

    @Test func pointsRoundOnlyWhereAsked() throws {
        let third = try ExactRatio(20, 3)
        #expect(try Points(rounding: third, places: 2).plainText == "6.67")
        #expect(try Points(rounding: third, places: 0).plainText == "7")
        #expect(throws: FixedPointOverflow(.outOfRange)) { try Points(exactly: third) }
        let total = try Points.sum([Points(parsing: "19.93"), Points(parsing: "45.5"), Points(parsing: "0.07")])
        #expect(total.fixedText(places: 2) == "65.50")
        #expect(total.plainText == "65.5")
        #expect(try Points(parsing: "2.345").fixedText(places: 2) == "2.35")
        #expect(try Points(parsing: "7").fixedText(places: 8) == "7.00000000")
    }

    @Test func sumsOverflowLoudly() throws {
        let large = Money(units: .max)
        #expect(throws: FixedPointOverflow(.outOfRange)) { try large + Money(units: 1) }
        #expect(throws: FixedPointOverflow(.outOfRange)) { try Money(units: .min) - Money(units: 1) }
    }
}
