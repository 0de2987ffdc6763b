import TenderCore
import TenderModel

/// The words for a bid whose performance history could not be matched safely (`Flag.historyIdentity`), in one
/// language: the committee flag, and the notes beside the history criterion's neutral value or mean.
struct HistoryIdentityLabels: Sendable {
    /// The whole flag: who, which file, what is wrong.
    var flag: @Sendable (_ bidder: RichText, _ file: RichText, _ body: RichText) -> RichText
    /// Contracts under the bidder's name with another id: `contracts` as `contract` joins them, `given` as
    /// `givenMissing` or `givenID` says it.
    var sameName: @Sendable (_ contracts: RichText, _ given: RichText) -> RichText
    /// One contract under the bidder's name: its id and registration id, and what it holds in `window` (the
    /// months the history was read for, `first … last`).
    var contract:
        @Sendable (_ id: RichText, _ registrationID: RichText, _ months: Int, _ warnings: Int, _ window: String)
            -> RichText
    var contractSeparator: String
    var givenMissing: String
    /// The id the bid gives, with what makes it no 统一社会信用代码 (nil: it is one, or the profile is not `cn-87`).
    var givenID: @Sendable (_ id: RichText, _ reason: RichText?) -> RichText
    /// No contract under the name, and no usable id.
    var missingAlone: String
    var invalidAlone: @Sendable (_ id: RichText, _ reason: RichText) -> RichText
    var creditCode: @Sendable (_ problem: UnifiedSocialCreditCode.Problem) -> RichText
    /// The history evidence: an id that is no 统一社会信用代码, contracts under the name not applied, and the
    /// pointer to the flag.
    var invalidID: @Sendable (_ id: RichText, _ reason: RichText) -> RichText
    var notApplied: @Sendable (_ contracts: RichText) -> RichText
    var seeFlag: String
    var short: String
    /// Contracts the bid's id matched under another contractor name: `contracts` as `namedContract` joins them.
    var otherName: @Sendable (_ contracts: RichText) -> RichText
    var namedContract: @Sendable (_ id: RichText, _ contractor: RichText) -> RichText

    static func labels(for language: ReportLanguage) -> HistoryIdentityLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    /// `'-'`, or `'М' (U+041C)` for a character outside ASCII, which may look like an ASCII one.
    static func character(_ scalar: Unicode.Scalar, chinese: Bool) -> RichText {
        let quoted = RichText.text(chinese ? "“" : "'") + .user(String(scalar)) + .text(chinese ? "”" : "'")
        guard !scalar.isASCII else { return quoted }
        let point = BidderIdentity.codePoint(scalar)
        return quoted + (chinese ? "（\(point)）" : " (\(point))")
    }

    static let english = HistoryIdentityLabels(
        flag: { bidder, file, body in
            "Bidder identity for the performance history — \(bidder) (\(file)): \(body); for the committee's "
                + "attention only: it changes no score (a bid that matches no contract keeps the rubric's neutral "
                + "value) and excludes no bid"
        },
        sameName: { contracts, given in
            "the name matches the contractor of \(contracts), but the bid gives \(given) — the history was not "
                + "applied; the committee should verify the bidder's identity"
        },
        contract: { id, registrationID, months, warnings, window in
            "\(id) (registration id \(registrationID); \(months) scored month\(months == 1 ? "" : "s")"
                + (warnings > 0 ? ", \(warnings) past-performance warning\(warnings == 1 ? "" : "s")" : "")
                + " in \(window))"
        },
        contractSeparator: " and of ",
        givenMissing: "no registration id",
        givenID: { id, reason in
            guard let reason else { return id }
            return "\(id), which is not a valid 统一社会信用代码 (\(reason))"
        },
        missingAlone: "the bid states no registration id, so no contract in the history can be matched to it; the "
            + "committee should verify the bidder's identity",
        invalidAlone: { id, reason in
            "the bid gives registration id \(id), which is not a valid 统一社会信用代码 (\(reason)), so no contract in "
                + "the history can be matched to it; the committee should verify the bidder's identity"
        },
        creditCode: { problem in
            switch problem {
            case .character(let scalar, let position):
                return "character \(position), \(character(scalar, chinese: false)), is not one the code uses"
            case .length(let count):
                return "\(count) characters, not \(UnifiedSocialCreditCode.length)"
            case .checkCharacter(let expected, let found):
                return "the check character is \(character(found, chinese: false)), but the first 17 "
                    + "characters give \(character(expected, chinese: false))"
            }
        },
        invalidID: { id, reason in
            "registration id \(id) is not a valid 统一社会信用代码 (\(reason)): no contract can be matched"
        },
        notApplied: { contracts in "not applied, under the bidder's name with another registration id: \(contracts)" },
        seeFlag: " — see flag: the committee should verify the bidder's identity",
        short: "bidder identity for the history",
        otherName: { contracts in
            "the bid's registration id is that of the contractor of \(contracts), under another name — the history "
                + "was applied; the committee should verify that the bidder is that contractor (a change of name "
                + "shows in its registration)"
        },
        namedContract: { id, contractor in "\(id) (\(contractor))" }
    )

    static let chinese = HistoryIdentityLabels(
        flag: { bidder, file, body in
            "履约历史身份待核实（\(bidder)，\(file)）：\(body)；仅提请评标委员会注意，不改变任何得分（未匹配到合同的投标按评分细则"
                + "给予中性分），也不否决投标"
        },
        sameName: { contracts, given in
            "投标人名称与合同 \(contracts)的供应商相同，但投标文件\(given)——该履约历史未予采用；请评标委员会核实投标人身份"
        },
        contract: { id, registrationID, months, warnings, window in
            "\(id)（统一社会信用代码 \(registrationID)；\(window) 期间 \(months) 个月考评"
                + (warnings > 0 ? "、\(warnings) 项履约警示" : "") + "）"
        },
        contractSeparator: "、",
        givenMissing: "未填写统一社会信用代码",
        givenID: { id, reason in
            guard let reason else { return "填写的是 \(id)" }
            return "填写的是 \(id)，不是有效的统一社会信用代码（\(reason)）"
        },
        missingAlone: "投标文件未填写统一社会信用代码，履约历史中的合同无法与其匹配；请评标委员会核实投标人身份",
        invalidAlone: { id, reason in
            "投标文件填写的统一社会信用代码 \(id) 无效（\(reason)），履约历史中的合同无法与其匹配；请评标委员会核实投标人身份"
        },
        creditCode: { problem in
            switch problem {
            case .character(let scalar, let position):
                return "第 \(position) 位字符\(character(scalar, chinese: true))不在代码字符集内"
            case .length(let count):
                return "共 \(count) 位，应为 \(UnifiedSocialCreditCode.length) 位"
            case .checkCharacter(let expected, let found):
                return "校验码为\(character(found, chinese: true))，按前 17 位应为\(character(expected, chinese: true))"
            }
        },
        invalidID: { id, reason in "统一社会信用代码 \(id) 无效（\(reason)），无法匹配合同" },
        notApplied: { contracts in "以投标人名称登记、统一社会信用代码不同的合同，未予采用：\(contracts)" },
        seeFlag: "——见评标委员会关注事项：请核实投标人身份",
        short: "履约历史身份待核实",
        otherName: { contracts in
            "投标文件的统一社会信用代码与合同 \(contracts)的供应商相同，但名称不同——该履约历史已采用；请评标委员会核实"
                + "投标人与该供应商是否为同一主体（更名应有登记记录）"
        },
        namedContract: { id, contractor in "\(id)（\(contractor)）" }
    )
}
