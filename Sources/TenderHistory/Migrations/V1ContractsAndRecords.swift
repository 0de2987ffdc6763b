// FROZEN: this is the schema every v1 database was created with. Never edit it; a change of schema is a new
// migration (v3-…) registered after the last one, so that a database of any age upgrades the same way.

/// The first schema: contracts with their plans, one record batch per imported sheet, the rows of each source,
/// the hash-chained corrections, and every computation of a monthly score with its detail.
enum V1ContractsAndRecords {
    static let identifier = "v1-contracts-and-records"

    static let statements = [
        """
        CREATE TABLE contract (
            id TEXT NOT NULL PRIMARY KEY,
            tender_id TEXT NOT NULL,
            buyer_zh TEXT,
            buyer_en TEXT,
            contractor_name TEXT NOT NULL,
            contractor_registration_id TEXT NOT NULL,
            contractor_registration_key TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            plan_file TEXT NOT NULL,
            plan_text BLOB NOT NULL,
            plan_sha256 TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE contract_standing (
            contract_id TEXT NOT NULL REFERENCES contract(id),
            ordinal INTEGER NOT NULL,
            standing_id TEXT NOT NULL,
            name_zh TEXT,
            name_en TEXT,
            at_least_units INTEGER NOT NULL,
            consequence_zh TEXT,
            consequence_en TEXT,
            PRIMARY KEY (contract_id, standing_id)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE record_batch (
            id INTEGER PRIMARY KEY,
            contract_id TEXT NOT NULL REFERENCES contract(id),
            month TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('survey', 'team', 'department', 'patrol')),
            file TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            recorded_on TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            rows_sha256 TEXT NOT NULL,
            UNIQUE (contract_id, month, source)
        )
        """,
        """
        CREATE TABLE survey_response (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES record_batch(id),
            ordinal INTEGER NOT NULL,
            respondent TEXT NOT NULL,
            file TEXT,
            line INTEGER,
            column_number INTEGER,
            UNIQUE (batch_id, ordinal),
            UNIQUE (batch_id, respondent)
        )
        """,
        """
        CREATE TABLE survey_answer (
            response_id INTEGER NOT NULL REFERENCES survey_response(id),
            ordinal INTEGER NOT NULL,
            item TEXT NOT NULL,
            answer TEXT NOT NULL,
            PRIMARY KEY (response_id, ordinal),
            UNIQUE (response_id, item)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE team_score (
            batch_id INTEGER NOT NULL REFERENCES record_batch(id),
            ordinal INTEGER NOT NULL,
            team TEXT NOT NULL,
            score_units INTEGER NOT NULL,
            reason TEXT,
            file TEXT,
            line INTEGER,
            column_number INTEGER,
            PRIMARY KEY (batch_id, ordinal),
            UNIQUE (batch_id, team)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE department_score (
            batch_id INTEGER NOT NULL REFERENCES record_batch(id),
            ordinal INTEGER NOT NULL,
            department TEXT NOT NULL,
            item TEXT NOT NULL,
            score_units INTEGER NOT NULL,
            reason TEXT,
            file TEXT,
            line INTEGER,
            column_number INTEGER,
            PRIMARY KEY (batch_id, ordinal),
            UNIQUE (batch_id, department, item)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE patrol_finding (
            batch_id INTEGER NOT NULL REFERENCES record_batch(id),
            ordinal INTEGER NOT NULL,
            contract_id TEXT NOT NULL REFERENCES contract(id),
            finding_id TEXT NOT NULL,
            finding_date TEXT NOT NULL,
            place TEXT NOT NULL,
            item TEXT NOT NULL,
            description TEXT NOT NULL,
            deduction_units INTEGER NOT NULL,
            photo TEXT,
            photo_sha256 TEXT,
            file TEXT,
            line INTEGER,
            column_number INTEGER,
            PRIMARY KEY (batch_id, ordinal),
            UNIQUE (contract_id, finding_id)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE correction (
            contract_id TEXT NOT NULL REFERENCES contract(id),
            number INTEGER NOT NULL,
            month TEXT NOT NULL,
            target TEXT NOT NULL
                CHECK (target IN ('survey-answer', 'team-score', 'department-score', 'patrol-deduction')),
            subject TEXT NOT NULL,
            item TEXT,
            from_value TEXT NOT NULL,
            to_value TEXT NOT NULL,
            reason TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            decided_on TEXT NOT NULL,
            previous TEXT,
            hash TEXT NOT NULL,
            PRIMARY KEY (contract_id, number)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX correction_by_month ON correction(contract_id, month, number)",
        """
        CREATE TABLE monthly_score (
            id INTEGER PRIMARY KEY,
            contract_id TEXT NOT NULL REFERENCES contract(id),
            month TEXT NOT NULL,
            computed_on TEXT NOT NULL,
            corrections_through INTEGER NOT NULL,
            score_units INTEGER NOT NULL,
            standing TEXT NOT NULL,
            unrounded_numerator TEXT NOT NULL,
            unrounded_denominator TEXT NOT NULL,
            patrol_findings INTEGER NOT NULL,
            patrol_total_units INTEGER NOT NULL,
            patrol_applied_units INTEGER NOT NULL,
            patrol_capped INTEGER NOT NULL,
            superseded_by INTEGER REFERENCES monthly_score(id)
        )
        """,
        "CREATE INDEX monthly_score_by_month ON monthly_score(contract_id, month, id)",
        """
        CREATE TABLE monthly_source_score (
            score_id INTEGER NOT NULL REFERENCES monthly_score(id),
            source TEXT NOT NULL CHECK (source IN ('survey', 'team', 'department')),
            sum_units INTEGER NOT NULL,
            count INTEGER NOT NULL,
            weight_units INTEGER NOT NULL,
            score_numerator TEXT NOT NULL,
            score_denominator TEXT NOT NULL,
            contribution_numerator TEXT NOT NULL,
            contribution_denominator TEXT NOT NULL,
            rounded_contribution_units INTEGER,
            PRIMARY KEY (score_id, source)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE monthly_score_correction (
            score_id INTEGER NOT NULL REFERENCES monthly_score(id),
            ordinal INTEGER NOT NULL,
            number INTEGER NOT NULL,
            PRIMARY KEY (score_id, ordinal)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE monthly_survey_item (
            score_id INTEGER NOT NULL REFERENCES monthly_score(id),
            ordinal INTEGER NOT NULL,
            item TEXT NOT NULL,
            mean_numerator TEXT,
            mean_denominator TEXT,
            PRIMARY KEY (score_id, ordinal)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE monthly_survey_count (
            score_id INTEGER NOT NULL REFERENCES monthly_score(id),
            item_ordinal INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            label TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (score_id, item_ordinal, ordinal)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE monthly_department_total (
            score_id INTEGER NOT NULL REFERENCES monthly_score(id),
            ordinal INTEGER NOT NULL,
            department TEXT NOT NULL,
            total_units INTEGER NOT NULL,
            PRIMARY KEY (score_id, ordinal)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE monthly_item_mean (
            score_id INTEGER NOT NULL REFERENCES monthly_score(id),
            ordinal INTEGER NOT NULL,
            item TEXT NOT NULL,
            mean_numerator TEXT NOT NULL,
            mean_denominator TEXT NOT NULL,
            PRIMARY KEY (score_id, ordinal)
        ) WITHOUT ROWID
        """,
    ]
}
