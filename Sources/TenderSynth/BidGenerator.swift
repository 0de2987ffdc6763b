import Foundation
import TenderCore
import TenderModel

/// Builds the content of each synthetic bid from its own random stream.
struct BidGenerator {
    let plan: [PlannedCriterion]
    let budgetCents: Int
    let evaluationYear = 2024
    private var usedNames = Set<String>()
    private var usedIDs = Set<String>()
    /// E-mail domains already given: two companies with the same brand word (东明 in two cities) must not share
    /// an address, which the collusion check would rightly flag.
    private var usedDomains = Set<String>()

    init(plan: [PlannedCriterion], budgetCents: Int) {
        self.plan = plan
        self.budgetCents = budgetCents
    }

    static let uscc = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    mutating func bid(
        index: Int,
        fileName: String,
        design: SyntheticBidDesign,
        quality q: Int,
        random: inout SyntheticRandom
    ) -> SyntheticBid {
        /// A value in `lo...hi` leaning towards `hi` for a good bidder.
        func lean(_ lo: Int, _ hi: Int) -> Int {
            let mix = q * 6 + random.int(in: 0...1000) * 4
            return lo + (hi - lo) * mix / 10_000
        }
        let city = random.pick(NameTables.cities)
        let (name, brandPinyin) = uniqueName(city: city.name, index: index, random: &random)
        let registrationID = uniqueRegistrationID(cityCode: city.code, random: &random)
        let sizeRoll = random.int(in: 0...99)
        let size: EnterpriseSize =
            sizeRoll < 15 ? .large : (sizeRoll < 50 ? .medium : (sizeRoll < 85 ? .small : .micro))
        let contactPerson = personName(&random)
        let phone = "\(city.areaCode)-\(random.int(in: 2...8))\(digits(7, &random))"
        let province = city.province == city.name ? "" : city.province
        let address =
            "\(province)\(city.name)\(random.pick(NameTables.districts))\(random.pick(NameTables.roads))"
            + "\(random.int(in: 1...999))号"
        let submitted =
            "2024-06-\(random.int(in: 10...19))T\(pad(random.int(in: 8...17), 2)):\(pad(random.int(in: 0...59), 2)):"
            + "\(pad(random.int(in: 0...59), 2))+08:00"

        // Price around the budget; abnormally low bids far below it.
        let permille = design == .abnormallyLow ? random.int(in: 450...600) : random.int(in: 800...990)
        let totalCents = budgetCents / 1000 * permille + random.int(in: 0...99_999)
        var items = NameTables.priceItems
        shuffle(&items, &random)
        let lineItems = Array(items.prefix(random.int(in: 2...4)))
        let lineWeights = lineItems.map { _ in random.int(in: 5...30) }
        let weightSum = lineWeights.reduce(0, +)
        var lineCents = lineWeights.map { totalCents / weightSum * $0 }
        lineCents[lineCents.count - 1] += totalCents - lineCents.reduce(0, +)
        let priceLines = zip(lineItems, lineCents).map {
            SyntheticPriceLine(item: $0, amount: Self.scaled($1, places: 2))
        }

        // Staff: a project manager, certified staff in number leaning with quality, a few without certificates.
        var staff = [
            SyntheticPerson(
                role: "project-manager",
                name: personName(&random),
                qualifications: ["物业管理师"],
                yearsExperience: random.int(in: 5...25)
            )
        ]
        for _ in 0..<lean(1, 6) {
            let role = NameTables.roles[random.int(in: 1...(NameTables.roles.count - 1))]
            staff.append(
                SyntheticPerson(
                    role: role.role,
                    name: personName(&random),
                    qualifications: [role.qualification],
                    yearsExperience: random.int(in: 1...20)
                )
            )
        }
        for _ in 0..<random.int(in: 0...1) {
            staff.append(
                SyntheticPerson(
                    role: NameTables.roles[random.int(in: 1...(NameTables.roles.count - 1))].role,
                    name: personName(&random),
                    qualifications: [],
                    yearsExperience: random.int(in: 0...5)
                )
            )
        }

        var equipmentNames = NameTables.equipment
        shuffle(&equipmentNames, &random)
        let equipment = equipmentNames.prefix(random.int(in: 3...5)).map {
            SyntheticEquipment(name: $0, count: lean(1, 16))
        }
        let spareParts = lean(50, 500) * 1000
        let minutes = max(5, 60 - lean(0, 50) + random.int(in: -3...3))

        var certifications: [SyntheticCertification] = []
        for standard in CriteriaPlan.certificationStandards where random.chance(perMille: 250 + q * 7 / 10) {
            certifications.append(
                SyntheticCertification(
                    standard: standard.standard,
                    number: "\(digits(5, &random))\(standard.standard.hasPrefix("ISO9") ? "Q" : "E")"
                        + "\(digits(5, &random))R\(random.int(in: 0...3))M",
                    validUntil: "\(random.int(in: 2025...2027))-\(pad(random.int(in: 1...12), 2))-"
                        + pad(random.int(in: 1...28), 2)
                )
            )
        }
        let gradeRoll = lean(0, 100)
        let grade = gradeRoll >= 75 ? "AAA" : (gradeRoll >= 55 ? "AA" : (gradeRoll >= 35 ? "A" : "B"))

        let contractCount = random.chance(perMille: 500) ? 2 : 4
        var contracts: [SyntheticPastContract] = []
        var satisfactionHalves = 0
        var clientNames = NameTables.clients
        shuffle(&clientNames, &random)
        for client in clientNames.prefix(contractCount) {
            let halves = min(199, 160 + lean(0, 40) + random.int(in: -4...4))
            satisfactionHalves += halves
            contracts.append(
                SyntheticPastContract(
                    client: random.pick(NameTables.cities).name + client,
                    year: random.int(in: 2019...2023),
                    value: Self.scaled(lean(80, 900) * 10_000, places: 0),
                    satisfaction: Self.ratio(halves * 5, places: 1)
                )
            )
        }

        var violations: [SyntheticViolation] = []
        if design == .recentMajorViolation {
            violations.append(violation(.major, year: random.int(in: 2022...2024), &random))
        } else if random.chance(perMille: 40) {
            violations.append(violation(.major, year: random.int(in: 2015...2020), &random))
        }
        if random.chance(perMille: 150) {
            violations.append(violation(.minor, year: random.int(in: 2019...2024), &random))
        }

        let signed = "2024-06-\(pad(random.int(in: 1...9), 2))"
        var commitments = [
            SyntheticCommitment(
                kind: "technical-service",
                signed: signed,
                text: "提供7×24小时技术服务。"
            )
        ]
        if design != .missingConfidentiality {
            commitments.append(
                SyntheticCommitment(kind: "confidentiality", signed: signed, text: "对服务中知悉的信息严格保密。")
            )
        }
        commitments.append(
            SyntheticCommitment(
                kind: "integrity",
                signed: design == .unsignedIntegrity ? nil : signed,
                text: "诚信投标，不提供虚假材料。"
            )
        )
        let attachments = [SyntheticAttachment(name: "营业执照.pdf", type: "business-licence", sha256: hex(32, &random))]

        var factElements: [SyntheticFactElement] = []
        var facts: [String: SyntheticFactValue] = [:]
        for criterion in plan {
            guard case .objective(let source, _) = criterion.rule else { continue }
            switch source {
            case .qualifiedStaff:
                facts[criterion.id] = .number(ExactRatio(staff.filter { !$0.qualifications.isEmpty }.count))
            case .emergencyMinutes:
                facts[criterion.id] = .number(ExactRatio(minutes))
            case .satisfaction:
                // halves / 2 / count, in thousandths: exact because count is 2 or 4.
                facts[criterion.id] = .number(Self.ratio(satisfactionHalves * 500 / contracts.count, places: 3))
            case .certification(let standard):
                facts[criterion.id] = .boolean(certifications.contains { $0.standard == standard })
            case .associationRating:
                facts[criterion.id] = .text(grade)
            case .equipmentTotal:
                facts[criterion.id] = .number(ExactRatio(equipment.reduce(0) { $0 + $1.count }))
            case .spareParts:
                facts[criterion.id] = .number(ExactRatio(spareParts))
            case .pastContractCount:
                facts[criterion.id] = .number(ExactRatio(contracts.count))
            case .fact(let spec):
                let text: String
                switch spec.kind {
                case .count(let lo, let hi):
                    let value = spec.lowerIsBetter ? hi - lean(0, hi - lo) : lean(lo, hi)
                    text = String(value)
                    facts[criterion.id] = .number(ExactRatio(value))
                case .tenths(let lo, let hi):
                    let value = spec.lowerIsBetter ? hi - lean(0, hi - lo) : lean(lo, hi)
                    text = Fixed.text(value, places: 1)
                    facts[criterion.id] = .number(Self.ratio(value, places: 1))
                case .yesNo:
                    let yes = random.chance(perMille: 300 + q * 6 / 10)
                    text = yes ? "是" : "否"
                    facts[criterion.id] = .boolean(yes)
                case .grade(let grades):
                    text = grades[min(grades.count - 1, (1000 - lean(0, 1000)) * grades.count / 1001)]
                    facts[criterion.id] = .text(text)
                }
                factElements.append(SyntheticFactElement(name: spec.key, unit: nil, value: text))
            }
        }

        return SyntheticBid(
            fileName: fileName,
            design: design,
            name: name,
            registrationID: registrationID,
            size: size,
            contactPerson: contactPerson,
            phone: phone,
            email: "tender@\(uniqueDomain(brandPinyin, city: city.code)).example.cn",
            address: address,
            submitted: submitted,
            total: Self.scaled(totalCents, places: 2),
            priceLines: priceLines,
            staff: staff,
            equipment: equipment,
            sparePartsStockValue: Self.scaled(spareParts, places: 0),
            emergencyMinutes: minutes,
            certifications: certifications,
            associationGrade: grade,
            associationIssuer: city.province + random.pick(NameTables.associationIssuers),
            pastContracts: contracts,
            violations: violations,
            commitments: commitments,
            attachments: attachments,
            factElements: factElements,
            facts: facts
        )
    }

    /// `units / 10^places` exactly.
    /// `units × 10^-places` as money or points (synthetic values are small and have at most `scale` places).
    static func scaled<Value: ScaledDecimal>(_ units: Int, places: Int) -> Value {
        var value = Int64(units)
        for _ in places..<Value.scale { value *= 10 }
        return Value(units: value)
    }

    /// `units × 10^-places` as an exact ratio.
    static func ratio(_ units: Int, places: Int) -> ExactRatio {
        (try? ExactRatio(units: Int64(units), scale: places)) ?? .zero
    }

    private mutating func uniqueName(
        city: String,
        index: Int,
        random: inout SyntheticRandom
    ) -> (String, String) {
        for _ in 0..<64 {
            let first = random.pick(NameTables.brandSyllables)
            var second = random.pick(NameTables.brandSyllables)
            while second.hanzi == first.hanzi { second = random.pick(NameTables.brandSyllables) }
            let name =
                city + first.hanzi + second.hanzi + random.pick(NameTables.industries)
                + random.pick(NameTables.organisationForms)
            if usedNames.insert(name).inserted { return (name, first.pinyin + second.pinyin) }
        }
        // Practically unreachable below a million bids: a numbered branch keeps the name unique.
        let name = "\(city)安信物业服务有限公司第\(index + 1)分公司"
        usedNames.insert(name)
        return (name, "anxin\(index + 1)")
    }

    /// The brand word as an e-mail domain, with the city code added when another company already has it.
    private mutating func uniqueDomain(_ brand: String, city: String) -> String {
        if usedDomains.insert(brand).inserted { return brand }
        var candidate = "\(brand)-\(city)"
        var number = 2
        while !usedDomains.insert(candidate).inserted {
            candidate = "\(brand)-\(city)-\(number)"
            number += 1
        }
        return candidate
    }

    /// An 18-character unified social credit code (统一社会信用代码) with a correct GB 32100 check character.
    private mutating func uniqueRegistrationID(cityCode: String, random: inout SyntheticRandom) -> String {
        while true {
            var characters = Array("91" + cityCode)
            for _ in 0..<9 { characters.append(Self.uscc[random.int(in: 0...(Self.uscc.count - 1))]) }
            var sum = 0
            for (position, character) in characters.enumerated() {
                sum += (Self.uscc.firstIndex(of: character) ?? 0) * Self.usccWeights[position]
            }
            let check = (31 - sum % 31) % 31
            characters.append(Self.uscc[check])
            let id = String(characters)
            if usedIDs.insert(id).inserted { return id }
        }
    }

    private func personName(_ random: inout SyntheticRandom) -> String {
        var name = random.pick(NameTables.surnames) + random.pick(NameTables.givenNameCharacters)
        if random.chance(perMille: 600) { name += random.pick(NameTables.givenNameCharacters) }
        return name
    }

    private func violation(_ severity: ViolationSeverity, year: Int, _ random: inout SyntheticRandom)
        -> SyntheticViolation
    {
        // Recent major violations stay before the evaluation date (2024-06-20) and after 2021-06-20.
        let month = year == 2024 ? random.int(in: 1...5) : random.int(in: 1...12)
        return SyntheticViolation(
            date: "\(year)-\(pad(month, 2))-\(pad(random.int(in: 1...28), 2))",
            severity: severity,
            authority: random.pick(NameTables.cities).name + random.pick(NameTables.authorities),
            text: random.pick(NameTables.violationTexts)
        )
    }

    private func digits(_ count: Int, _ random: inout SyntheticRandom) -> String {
        String((0..<count).map { _ in Character(String(random.int(in: 0...9))) })
    }

    private func hex(_ bytes: Int, _ random: inout SyntheticRandom) -> String {
        let alphabet = Array("0123456789abcdef")
        var text = ""
        for _ in 0..<bytes {
            let byte = random.int(in: 0...255)
            text.append(alphabet[byte >> 4])
            text.append(alphabet[byte & 15])
        }
        return text
    }

    private func shuffle<T>(_ items: inout [T], _ random: inout SyntheticRandom) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, random.int(in: 0...index))
        }
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
