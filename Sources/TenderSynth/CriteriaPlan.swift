/// Fixed-point numbers as integers: every point value in the synthetic rubric is a whole number of
/// 1/100 000 points, so halves, quarters, fifths and eighths of a criterion's points stay exact.
enum Fixed {
    static let pointScale = 100_000

    /// `value / 10^places` as a plain decimal numeral without trailing zeros (`137`, `1.37`, `0.125`).
    static func text(_ value: Int, places: Int) -> String {
        let negative = value < 0
        var digits = String(negative ? -value : value)
        if places > 0 {
            if digits.count <= places {
                digits = String(repeating: "0", count: places - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return (negative ? "-" : "") + digits
    }

    /// Points held in 1/100 000 units as text.
    static func points(_ value: Int) -> String {
        text(value, places: 5)
    }
}

/// What a numeric or text fact looks like in a bid.
enum FactKind {
    /// Whole numbers in `lo...hi`.
    case count(Int, Int)
    /// Numbers with one decimal in `lo...hi` (given in tenths).
    case tenths(Int, Int)
    /// 是 / 否.
    case yesNo
    /// A grade from a list, best first.
    case grade([String])
}

struct FactSpec {
    var key: String
    var zh: String
    var en: String
    var unit: String?
    var group: String
    var kind: FactKind
    var lowerIsBetter: Bool = false
}

/// Where an objective criterion's value comes from in the native bid.
enum FactSource {
    case qualifiedStaff
    case emergencyMinutes
    case satisfaction
    case certification(String)
    case associationRating
    case equipmentTotal
    case spareParts
    case pastContractCount
    case fact(FactSpec)
}

enum PlannedScale {
    case linear(from: String, to: String, pointsFrom: Int, pointsTo: Int)
    case bands([(from: String, to: String?, points: Int)])
    case perItem(each: Int, cap: Int)
    case yesNo(yes: Int)
    case lookup([(key: String, points: Int)])
}

struct PlannedCriterion {
    enum Rule {
        case price
        case objective(FactSource, PlannedScale)
        case judgement(step: Int)
    }

    var id: String
    var zh: String
    var en: String
    var group: String
    /// Points in 1/100 000 units.
    var points: Int
    var rule: Rule
    var lowerIsBetter: Bool

    var expression: String? {
        guard case .objective(let source, _) = rule else { return nil }
        return CriteriaPlan.expression(for: source)
    }
}

enum CriteriaPlan {
    static let groups: [(id: String, zh: String, en: String)] = [
        ("price", "价格分", "Price"),
        ("capability", "服务能力", "Capability"),
        ("quality", "服务质量", "Quality"),
        ("reputation", "信誉", "Reputation"),
        ("plan", "服务方案", "Service plans"),
    ]

    static let certificationStandards: [(standard: String, zh: String, en: String)] = [
        ("ISO9001", "质量管理体系认证", "ISO 9001 quality management"),
        ("ISO14001", "环境管理体系认证", "ISO 14001 environmental management"),
        ("ISO45001", "职业健康安全管理体系认证", "ISO 45001 occupational health and safety"),
        ("GB/T27922", "商品售后服务评价认证", "GB/T 27922 after-sales service rating"),
        ("ISO27001", "信息安全管理体系认证", "ISO 27001 information security"),
    ]

    static let factTable: [FactSpec] = [
        FactSpec(
            key: "vehicles",
            zh: "保洁及运输车辆",
            en: "Cleaning and transport vehicles",
            unit: "辆",
            group: "capability",
            kind: .count(2, 30)
        ),
        FactSpec(
            key: "licensed-guards",
            zh: "持证保安人员",
            en: "Licensed security guards",
            unit: "人",
            group: "capability",
            kind: .count(5, 60)
        ),
        FactSpec(
            key: "maintenance-engineers",
            zh: "持证工程维修人员",
            en: "Licensed maintenance engineers",
            unit: "人",
            group: "capability",
            kind: .count(2, 30)
        ),
        FactSpec(
            key: "conference-staff",
            zh: "会务服务人员",
            en: "Conference service staff",
            unit: "人",
            group: "capability",
            kind: .count(3, 40)
        ),
        FactSpec(
            key: "facade-rigs",
            zh: "高空外墙清洗设备",
            en: "Facade cleaning rigs",
            unit: "套",
            group: "capability",
            kind: .count(0, 8)
        ),
        FactSpec(
            key: "garbage-trucks",
            zh: "垃圾清运车",
            en: "Garbage trucks",
            unit: "辆",
            group: "capability",
            kind: .count(0, 10)
        ),
        FactSpec(
            key: "emergency-teams",
            zh: "应急分队",
            en: "Emergency teams",
            unit: "支",
            group: "capability",
            kind: .count(1, 6)
        ),
        FactSpec(
            key: "patrols-per-day",
            zh: "每日巡逻次数",
            en: "Patrols per day",
            unit: "次",
            group: "capability",
            kind: .count(2, 24)
        ),
        FactSpec(
            key: "night-duty",
            zh: "夜间值班人员",
            en: "Night duty staff",
            unit: "人",
            group: "capability",
            kind: .count(2, 20)
        ),
        FactSpec(
            key: "managed-area",
            zh: "在管同类物业面积",
            en: "Similar floor area under management",
            unit: "万平方米",
            group: "capability",
            kind: .tenths(50, 3000)
        ),
        FactSpec(
            key: "training-hours",
            zh: "年度培训学时",
            en: "Training hours per year",
            unit: "学时",
            group: "capability",
            kind: .count(8, 120)
        ),
        FactSpec(
            key: "fire-drills",
            zh: "年度消防演练",
            en: "Fire drills per year",
            unit: "次",
            group: "capability",
            kind: .count(1, 12)
        ),
        FactSpec(
            key: "local-office",
            zh: "本地设有服务网点",
            en: "Local service office",
            unit: nil,
            group: "capability",
            kind: .yesNo
        ),
        FactSpec(
            key: "spare-part-kinds",
            zh: "常用备件品种",
            en: "Kinds of spare parts stocked",
            unit: "种",
            group: "capability",
            kind: .count(20, 500)
        ),
        FactSpec(
            key: "tax-credit-grade",
            zh: "纳税信用等级",
            en: "Tax credit grade",
            unit: nil,
            group: "quality",
            kind: .grade(["A", "B", "M", "C", "D"])
        ),
        FactSpec(
            key: "operating-procedures",
            zh: "标准作业规程",
            en: "Standard operating procedures",
            unit: "项",
            group: "quality",
            kind: .count(5, 80)
        ),
        FactSpec(
            key: "self-inspection-rate",
            zh: "自检覆盖率",
            en: "Self-inspection coverage",
            unit: "%",
            group: "quality",
            kind: .tenths(600, 1000)
        ),
        FactSpec(
            key: "complaint-rate",
            zh: "有效投诉率",
            en: "Upheld complaint rate",
            unit: "‰",
            group: "quality",
            kind: .tenths(0, 200),
            lowerIsBetter: true
        ),
        FactSpec(
            key: "model-projects",
            zh: "省级以上示范项目",
            en: "Provincial model projects",
            unit: "项",
            group: "quality",
            kind: .count(0, 6)
        ),
        FactSpec(
            key: "management-platform",
            zh: "信息化管理平台",
            en: "Digital management platform",
            unit: nil,
            group: "quality",
            kind: .yesNo
        ),
        FactSpec(
            key: "similar-contracts",
            zh: "近五年同类业绩",
            en: "Similar contracts in five years",
            unit: "项",
            group: "reputation",
            kind: .count(0, 15)
        ),
        FactSpec(
            key: "largest-contract",
            zh: "最大单项合同金额",
            en: "Largest single contract",
            unit: "万元",
            group: "reputation",
            kind: .tenths(500, 30000)
        ),
        FactSpec(
            key: "commendations",
            zh: "获得表彰",
            en: "Commendations received",
            unit: "次",
            group: "reputation",
            kind: .count(0, 10)
        ),
        FactSpec(
            key: "renewed-clients",
            zh: "续约客户",
            en: "Clients who renewed",
            unit: "家",
            group: "reputation",
            kind: .count(0, 12)
        ),
        FactSpec(
            key: "credit-record-clean",
            zh: "信用中国无失信记录",
            en: "No dishonesty record",
            unit: nil,
            group: "reputation",
            kind: .yesNo
        ),
    ]

    /// The objective criteria that read the native format's own elements, interleaved so that even a
    /// small rubric mixes every kind of scale.
    static let builtInSources: [(id: String, zh: String, en: String, group: String, source: FactSource)] = [
        ("qualified-staff", "持证上岗人员", "Certified staff assigned", "capability", .qualifiedStaff),
        ("response-time", "应急响应时间", "Emergency response time", "capability", .emergencyMinutes),
        ("satisfaction", "服务对象满意度", "Client satisfaction", "reputation", .satisfaction),
        ("iso9001", "质量管理体系认证", "ISO 9001 quality management", "quality", .certification("ISO9001")),
        ("association-rating", "行业协会信用评级", "Industry association rating", "quality", .associationRating),
        ("equipment", "主要保洁设备", "Main cleaning equipment", "capability", .equipmentTotal),
        ("spare-parts", "备品备件库存", "Spare parts stock", "capability", .spareParts),
        (
            "iso14001", "环境管理体系认证", "ISO 14001 environmental management", "quality",
            .certification("ISO14001")
        ),
        ("past-contracts", "类似项目业绩", "Comparable past contracts", "reputation", .pastContractCount),
        (
            "iso45001", "职业健康安全管理体系认证", "ISO 45001 occupational health and safety", "quality",
            .certification("ISO45001")
        ),
        (
            "gbt27922", "商品售后服务评价认证", "GB/T 27922 after-sales service rating", "quality",
            .certification("GB/T27922")
        ),
    ]

    static let judgementCriteria: [(id: String, zh: String, en: String, points: Int)] = [
        ("service-plan", "服务方案", "Service plan", 8),
        ("emergency-plan", "应急预案", "Emergency plan", 5),
    ]

    static let pricePoints = 30

    static func expression(for source: FactSource) -> String {
        switch source {
        case .qualifiedStaff: return "count(b:capability/b:staff/b:person[b:qualification])"
        case .emergencyMinutes: return "b:capability/b:emergency-response/@minutes"
        case .satisfaction:
            return "sum(b:reputation/b:past-contract/@satisfaction) div count(b:reputation/b:past-contract)"
        case .certification(let standard): return "boolean(b:quality/b:certification[@standard='\(standard)'])"
        case .associationRating: return "string(b:quality/b:association-rating/@grade)"
        case .equipmentTotal: return "sum(b:capability/b:equipment/b:item/@count)"
        case .spareParts: return "b:capability/b:spare-parts/@stock-value"
        case .pastContractCount: return "count(b:reputation/b:past-contract)"
        case .fact(let spec): return "b:facts/b:fact[@name='\(spec.key)']"
        }
    }

    /// `criteria` criteria: one price criterion worth 30 points, up to two judgement criteria, the rest
    /// objective, with points summing exactly to 100.
    static func make(criteria requested: Int, random: inout SyntheticRandom) -> [PlannedCriterion] {
        let total = max(2, requested)
        let judgementCount = total >= 10 ? 2 : (total >= 4 ? 1 : 0)
        let objectiveCount = total - 1 - judgementCount
        var planned: [PlannedCriterion] = [
            PlannedCriterion(
                id: "price",
                zh: "投标报价",
                en: "Bid price",
                group: "price",
                points: pricePoints * Fixed.pointScale,
                rule: .price,
                lowerIsBetter: true
            )
        ]
        let judgements = judgementCriteria.prefix(judgementCount)
        var remaining = (100 - pricePoints - judgements.reduce(0) { $0 + $1.points }) * 100
        // Weights 2...6 per objective criterion, then exact shares in 1/100 points; the rounding remainder
        // goes to the first criteria one hundredth at a time.
        let weights = (0..<objectiveCount).map { _ in random.int(in: 2...6) }
        let weightSum = weights.reduce(0, +)
        var shares = weights.map { remaining * $0 / weightSum }
        remaining -= shares.reduce(0, +)
        var index = 0
        while remaining > 0 {
            shares[index % shares.count] += 1
            remaining -= 1
            index += 1
        }
        for position in 0..<objectiveCount {
            let points = shares[position] * (Fixed.pointScale / 100)
            let id: String
            let zh: String
            let en: String
            let group: String
            let source: FactSource
            if position < builtInSources.count {
                let entry = builtInSources[position]
                (id, zh, en, group, source) = (entry.id, entry.zh, entry.en, entry.group, entry.source)
            } else {
                let factIndex = position - builtInSources.count
                var spec = factTable[factIndex % factTable.count]
                let round = factIndex / factTable.count
                if round > 0 {
                    spec.key += "-\(round + 1)"
                    spec.zh += "（\(round + 1)）"
                    spec.en += " \(round + 1)"
                }
                (id, zh, en, group, source) = (spec.key, spec.zh, spec.en, spec.group, .fact(spec))
            }
            let (scale, lowerIsBetter) = self.scale(for: source, points: points, position: position)
            planned.append(
                PlannedCriterion(
                    id: id,
                    zh: zh,
                    en: en,
                    group: group,
                    points: points,
                    rule: .objective(source, scale),
                    lowerIsBetter: lowerIsBetter
                )
            )
        }
        for judgement in judgements {
            planned.append(
                PlannedCriterion(
                    id: judgement.id,
                    zh: judgement.zh,
                    en: judgement.en,
                    group: "plan",
                    points: judgement.points * Fixed.pointScale,
                    rule: .judgement(step: Fixed.pointScale / 2),
                    lowerIsBetter: false
                )
            )
        }
        return planned
    }

    private static func scale(for source: FactSource, points p: Int, position: Int) -> (PlannedScale, Bool) {
        switch source {
        case .qualifiedStaff:
            return (.perItem(each: p / 8, cap: p), false)
        case .emergencyMinutes:
            return (
                .bands([("0", "16", p), ("16", "31", p / 2), ("31", "46", p / 4), ("46", nil, 0)]),
                true
            )
        case .satisfaction:
            return (.linear(from: "80", to: "100", pointsFrom: 0, pointsTo: p), false)
        case .certification:
            return (.yesNo(yes: p), false)
        case .associationRating:
            return (.lookup([("AAA", p), ("AA", p / 2), ("A", p / 4)]), false)
        case .equipmentTotal:
            return (.linear(from: "5", to: "60", pointsFrom: 0, pointsTo: p), false)
        case .spareParts:
            return (
                .bands([
                    ("0", "100000", 0), ("100000", "200000", p / 4), ("200000", "400000", p / 2), ("400000", nil, p),
                ]),
                false
            )
        case .pastContractCount:
            return (.perItem(each: p / 4, cap: p), false)
        case .fact(let spec):
            switch spec.kind {
            case .yesNo:
                return (.yesNo(yes: p), false)
            case .grade(let grades):
                return (.lookup([(grades[0], p), (grades[1], p / 2), (grades[2], p / 4)]), false)
            case .count(let lo, let hi):
                return (
                    numericScale(lo: lo, hi: hi, places: 0, points: p, position: position, spec: spec),
                    spec.lowerIsBetter
                )
            case .tenths(let lo, let hi):
                return (
                    numericScale(lo: lo, hi: hi, places: 1, points: p, position: position, spec: spec),
                    spec.lowerIsBetter
                )
            }
        }
    }

    /// Linear, bands or per-item (whole counts only) over the fact's range, by position in the rubric.
    private static func numericScale(
        lo: Int,
        hi: Int,
        places: Int,
        points p: Int,
        position: Int,
        spec: FactSpec
    ) -> PlannedScale {
        let span = hi - lo
        let quarter = { (k: Int) in Fixed.text(lo + span * k / 4, places: places) }
        if spec.lowerIsBetter {
            if position % 2 == 0 {
                return .linear(from: quarter(1), to: quarter(3), pointsFrom: p, pointsTo: 0)
            }
            return .bands([("0", quarter(1), p), (quarter(1), quarter(2), p / 2), (quarter(2), nil, 0)])
        }
        switch position % 3 {
        case 0 where places == 0 && span >= 4:
            let target = max(1, lo + span * 3 / 4)
            let divisor = [2, 4, 5, 8, 10, 20, 25, 40, 50, 100].first { $0 >= target } ?? 100
            return .perItem(each: p / divisor, cap: p)
        case 1:
            return .bands([
                ("0", quarter(1), 0), (quarter(1), quarter(2), p / 4), (quarter(2), quarter(3), p / 2),
                (quarter(3), nil, p),
            ])
        default:
            return .linear(from: quarter(1), to: quarter(4), pointsFrom: 0, pointsTo: p)
        }
    }
}
