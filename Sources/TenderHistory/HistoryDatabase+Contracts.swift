import Foundation
import GRDB
public import TenderCore
public import TenderModel

/// What `registerContract` did.
public enum ContractRegistration: Hashable, Sendable {
    case registered
    /// The same plan (same SHA-256 of its bytes) was already registered: nothing was written.
    case alreadyRegistered
}

/// A contract as the history holds it, with the exact plan bytes it was registered with.
public struct RegisteredContract: Hashable, Sendable {
    public var id: String
    public var tenderID: String
    public var buyer: LocalizedText
    public var contractor: PerformanceContractor
    public var start: String
    public var end: String
    public var planFile: String
    public var planBytes: [UInt8]
    public var planSHA256: String
    /// The key the history query matches bidders by, as stored (an audit checks it against the plan's id).
    public var registrationKey: String = ""
}

extension HistoryDatabase {
    /// Registers the contract of `plan`, keeping `planBytes` (the plan file as read) and their SHA-256. Running it
    /// again with the same bytes does nothing; a different plan for a registered contract id is an error showing
    /// both hashes (a contract's plan is fixed once it is in the history).
    @discardableResult
    public func registerContract(
        plan: EvaluationPlan,
        planBytes: [UInt8],
        sameMeaning: ([UInt8]) -> Bool = { _ in false },
        faultHook: HistoryFaultHook = { _ in }
    ) throws -> ContractRegistration {
        try write { db in
            let registration = try register(
                db,
                plan: plan,
                planBytes: planBytes,
                sameMeaning: sameMeaning,
                faultHook: faultHook
            )
            try faultHook(.beforeCommit)
            return registration
        }
    }

    /// Registers the plan's contract inside the caller's transaction (see `registerContract`). `sameMeaning` is
    /// asked about the stored plan's bytes when they differ from `planBytes`: a plan that says the same (only its
    /// comments or layout changed) is accepted, and the bytes first registered stay on the record.
    func register(
        _ db: Database,
        plan: EvaluationPlan,
        planBytes: [UInt8],
        sameMeaning: ([UInt8]) -> Bool,
        faultHook: HistoryFaultHook
    ) throws -> ContractRegistration {
        let contract = plan.contract
        let digest = sha256(planBytes)
        guard let key = BidderIdentity.registrationIDKey(contract.contractor.registrationID)?.value else {
            throw DiagnosticError(
                .error("the contractor's registration id is empty", at: contract.location)
            )
        }
        if let stored = try Row.fetchOne(
            db,
            sql: "SELECT plan_sha256, plan_file, plan_text FROM contract WHERE id = ?",
            arguments: [contract.id]
        ) {
            let storedDigest: String = stored["plan_sha256"]
            if storedDigest == digest { return .alreadyRegistered }
            let storedText: Data = stored["plan_text"]
            if sameMeaning(Array(storedText)) { return .alreadyRegistered }
            let storedFile: String = stored["plan_file"]
            throw DiagnosticError(
                .error(
                    "contract \(contract.id) is already in the history with another plan (\(storedFile), sha256 "
                        + "\(storedDigest)); this plan's sha256 is \(digest): a contract's plan cannot change once "
                        + "it is recorded",
                    at: plan.location
                )
            )
        }
        try db.execute(
            sql: """
                INSERT INTO contract (id, tender_id, buyer_zh, buyer_en, contractor_name,
                    contractor_registration_id, contractor_registration_key, start_date, end_date, plan_file,
                    plan_text, plan_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                contract.id, contract.tenderID, contract.buyer.zh, contract.buyer.en, contract.contractor.name,
                contract.contractor.registrationID, key, contract.start, contract.end, plan.location.file,
                Data(planBytes), digest,
            ]
        )
        for (ordinal, standing) in plan.standings.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO contract_standing (contract_id, ordinal, standing_id, name_zh, name_en,
                        at_least_units, consequence_zh, consequence_en)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    contract.id, ordinal, standing.id, standing.name.zh, standing.name.en, standing.atLeast.units,
                    standing.consequence?.zh, standing.consequence?.en,
                ]
            )
        }
        try faultHook(.afterContract)
        return .registered
    }

    /// The registered contract `id`, or nil.
    public func registeredContract(id: String) throws(DiagnosticError) -> RegisteredContract? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM contract WHERE id = ?", arguments: [id]).map(Self.contract)
        }
    }

    /// Every registered contract, in id order.
    public func registeredContracts() throws(DiagnosticError) -> [RegisteredContract] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contract ORDER BY id").map(Self.contract)
        }
    }

    static func contract(_ row: Row) -> RegisteredContract {
        let planData: Data = row["plan_text"]
        return RegisteredContract(
            id: row["id"],
            tenderID: row["tender_id"],
            buyer: LocalizedText(zh: row["buyer_zh"], en: row["buyer_en"]),
            contractor: PerformanceContractor(
                name: row["contractor_name"],
                registrationID: row["contractor_registration_id"]
            ),
            start: row["start_date"],
            end: row["end_date"],
            planFile: row["plan_file"],
            planBytes: Array(planData),
            planSHA256: row["plan_sha256"],
            registrationKey: row["contractor_registration_key"]
        )
    }

    func requireContract(_ db: Database, _ id: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM contract WHERE id = ?", arguments: [id]) != nil else {
            throw HistoryDatabase.refusal(path, "has no contract \(id); record a month of it first")
        }
    }
}
