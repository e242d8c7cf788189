-- A carried "not applicable" gets its own state (carried_na), so that confirming it gives 'na' and never an
-- answer without a value. Earlier builds stored it as 'carried' with no value, and its confirmation as
-- 'answered' with no value: both are read back as what they meant.
CREATE TABLE value_entries_new (
    unit        TEXT NOT NULL REFERENCES units(code),
    year        INTEGER NOT NULL REFERENCES periods(year),
    criterion   TEXT NOT NULL,
    value       TEXT,
    explanation TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL CHECK (state IN ('answered', 'na', 'carried', 'carried_na')),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (unit, year, criterion),
    CHECK ((state IN ('na', 'carried_na')) = (value IS NULL))
);

INSERT INTO value_entries_new(unit, year, criterion, value, explanation, state, updated_at, updated_by)
SELECT unit, year, criterion, CASE WHEN state = 'na' THEN NULL ELSE value END, explanation,
       CASE WHEN value IS NULL AND state = 'carried' THEN 'carried_na'
            WHEN value IS NULL AND state = 'answered' THEN 'na'
            ELSE state END,
       updated_at, updated_by
FROM value_entries;

DROP TABLE value_entries;

ALTER TABLE value_entries_new RENAME TO value_entries;
