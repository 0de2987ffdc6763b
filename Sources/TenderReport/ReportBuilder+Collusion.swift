import Foundation
import TenderCore
import TenderModel

/// The section on signals of possible collusion (87号令 Art 37), and the price-plausibility rules in the header.
extension ReportBuilder {
    var collusionSignals: [CollusionSignal] {
        evaluation.flags.compactMap { flag in
            guard case .possibleCollusion(let signal) = flag else { return nil }
            return signal
        }
    }

    /// The flags of the general committee section: every flag but the collusion signals, which have their own.
    var committeeFlags: [Flag] {
        evaluation.flags.filter { flag in
            if case .possibleCollusion = flag { return false }
            return true
        }
    }

    /// A flag in a bid's own section: a collusion signal by kind and value only, since its evidence (every
    /// bid involved) is stated once, in the collusion section.
    func bidFlagText(_ flag: Flag) -> RichText {
        guard case .possibleCollusion(let signal) = flag else { return flagText(flag) }
        return labels.collusionInBid(kind: signal.kind, value: shownValue(signal))
    }

    func collusionBlocks() -> [Block] {
        [.paragraph("\(labels.collusionIntro)")] + listOrNone(collusionSignals.map(collusionText))
    }

    func collusionText(_ signal: CollusionSignal) -> RichText {
        let evidence = signal.evidence.map { entry in
            let place = entry.line.map { "\(entry.file):\($0)" } ?? entry.file
            return labels.collusionEvidence(
                bidder: .user(entry.bidder),
                location: .shown(place),
                field: labels.collusionFieldName(entry.field),
                note: evidenceNote(entry, in: signal)
            )
        }
        return labels.collusionSignal(
            kind: signal.kind,
            value: shownValue(signal),
            evidence: evidence.joined(separator: .text(labels.collusionEvidenceSeparator))
        )
    }

    private func shownValue(_ signal: CollusionSignal) -> RichText {
        switch signal.kind {
        case .identicalPrices, .constantPriceSteps, .identicalArithmeticError:
            return (try? Money(parsing: signal.value)).map { .text(money($0)) } ?? .user(signal.value)
        case .fixedPriceRatio:
            return .text(signal.value)
        default:
            return .user(signal.value)
        }
    }

    private func evidenceNote(_ entry: CollusionEvidence, in signal: CollusionSignal) -> RichText? {
        guard let written = entry.written else { return nil }
        switch signal.kind {
        case .sharedPerson, .sharedPhone, .sharedEmail, .sharedAddress:
            return written == signal.value ? nil : labels.collusionWritten(.user(written))
        case .identicalAttachment:
            return .user(written)
        case .identicalPassage:
            return .user(labels.commitmentKindName(written) ?? written)
        case .identicalArithmeticError:
            return (try? Money(parsing: written)).map { .text(labels.collusionLinesSum(money($0))) }
        case .constantPriceSteps, .fixedPriceRatio:
            return (try? Money(parsing: written)).map { .text(money($0)) }
        case .identicalPriceBreakdown, .identicalPrices:
            return nil
        }
    }

    /// Header rows for the plausible minimum and the ceiling, shown only when the rubric states them.
    func priceLimitRows() -> [KeyValue] {
        var rows: [KeyValue] = []
        let policy = rubric.pricePolicy
        if let floor = rubric.plausibleFloor {
            var share: String?
            switch floor.origin {
            case .stated(.percentOfBudget(let percent)): share = NumberFormat.percent(percent)
            case .stated(.amount): share = nil
            case .defaultOfBudget, .defaultOfCeiling: share = NumberFormat.percent(PlausibleFloor.defaultPercent)
            }
            rows.append(
                KeyValue(
                    key: "\(labels.plausibleMinimumRule)",
                    value:
                        "\(labels.plausibleFloor(money(floor.amount), share: share, ofCeiling: floor.origin == .defaultOfCeiling, isDefault: floor.isDefault))"
                )
            )
        }
        if let ceiling = policy.ceiling {
            rows.append(KeyValue(key: "\(labels.ceilingRule)", value: "\(money(ceiling))"))
        }
        return rows
    }
}
