// FROZEN once released, like v1: a later change of schema is a new migration, never an edit here.

/// Standing rules raised by a computation (the warnings a later tender's committee sees), and the index the
/// history query of a later tender reads contracts by.
enum V2StandingEvents {
    static let identifier = "v2-standing-events"

    static let statements = [
        """
        CREATE TABLE raised_rule (
            score_id INTEGER NOT NULL REFERENCES monthly_score(id),
            rule_id TEXT NOT NULL,
            contract_id TEXT NOT NULL REFERENCES contract(id),
            raised_in TEXT NOT NULL,
            months TEXT NOT NULL,
            consequence_zh TEXT,
            consequence_en TEXT,
            warns_next_tender INTEGER NOT NULL,
            PRIMARY KEY (score_id, rule_id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX raised_rule_by_contract ON raised_rule(contract_id, raised_in)",
        "CREATE INDEX contract_by_registration_key ON contract(contractor_registration_key)",
    ]
}
