-- c27desk schema, first version.
-- Migrations are applied in file-name order, each in one transaction, and recorded in
-- _sqlite_migrations; a database that lists a migration this program does not know was
-- written by a newer version and is refused.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE levels (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    rank   INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE units (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL REFERENCES levels(code),
    parent      TEXT REFERENCES units(code),
    place       TEXT NOT NULL DEFAULT '',
    parent_body TEXT NOT NULL DEFAULT '',
    doc_symbol  TEXT NOT NULL DEFAULT '',
    is_self     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX units_one_self ON units(is_self) WHERE is_self = 1;

-- A copy of every catalogue a period uses, so stored values stay interpretable even if
-- the program later ships another version of the file.
CREATE TABLE catalogues (
    id        TEXT NOT NULL,
    version   TEXT NOT NULL,
    year      INTEGER NOT NULL,
    hash      TEXT NOT NULL,
    title     TEXT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE periods (
    year              INTEGER PRIMARY KEY,
    catalogue_id      TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    deadline          TEXT,
    report_number     TEXT NOT NULL DEFAULT '',
    report_date       TEXT,
    place             TEXT NOT NULL DEFAULT '',
    signer_authority  TEXT NOT NULL DEFAULT '',
    signer_title      TEXT NOT NULL DEFAULT '',
    signer_name       TEXT NOT NULL DEFAULT '',
    recipients        TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    FOREIGN KEY (catalogue_id, catalogue_version) REFERENCES catalogues(id, version)
);

CREATE TABLE value_entries (
    unit        TEXT NOT NULL REFERENCES units(code),
    year        INTEGER NOT NULL REFERENCES periods(year),
    criterion   TEXT NOT NULL,
    value       TEXT,
    explanation TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL CHECK (state IN ('answered', 'na', 'carried')),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (unit, year, criterion)
);

-- Revision N of a unit's report: 'open' while being edited, 'final' once locked.
CREATE TABLE revisions (
    unit         TEXT NOT NULL REFERENCES units(code),
    year         INTEGER NOT NULL REFERENCES periods(year),
    number       INTEGER NOT NULL CHECK (number >= 1),
    status       TEXT NOT NULL CHECK (status IN ('open', 'final')),
    opened_at    TEXT NOT NULL,
    opened_by    TEXT NOT NULL,
    finalised_at TEXT,
    finalised_by TEXT,
    content_hash TEXT,
    snapshot     TEXT,          -- JSON of the entries as finalised
    source       TEXT NOT NULL DEFAULT 'local',
    PRIMARY KEY (unit, year, number)
);

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    who             TEXT NOT NULL,
    action          TEXT NOT NULL,
    unit            TEXT,
    year            INTEGER,
    criterion       TEXT,
    old_value       TEXT,
    new_value       TEXT,
    old_explanation TEXT,
    new_explanation TEXT,
    old_state       TEXT,
    new_state       TEXT,
    detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_criterion ON audit_log(unit, year, criterion);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
