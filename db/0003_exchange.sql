-- Exchange between a unit and the office above: what was sent, what was received, whom we trust.

-- Root certificates the office trusts (the sector CA, or a trial CA while trying the program).
CREATE TABLE trusted_cas (
    fingerprint TEXT PRIMARY KEY,          -- SHA-256 of the DER certificate, hex
    subject     TEXT NOT NULL,
    pem         TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL
);

-- The signing certificate pinned for each child unit at its first accepted import (or given by the operator).
CREATE TABLE unit_signers (
    unit        TEXT PRIMARY KEY REFERENCES units(code),
    fingerprint TEXT NOT NULL,
    subject     TEXT NOT NULL,
    pem         TEXT NOT NULL,
    pinned_at   TEXT NOT NULL,
    pinned_by   TEXT NOT NULL
);

-- Every file ever received, by content; the bytes live in the archive folder beside the database.
CREATE TABLE received_files (
    sha256        TEXT PRIMARY KEY,
    size          INTEGER NOT NULL,
    first_name    TEXT NOT NULL,
    first_seen_at TEXT NOT NULL
);

-- Each attempt to import a file and how it ended.
CREATE TABLE import_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    who       TEXT NOT NULL,
    sha256    TEXT NOT NULL REFERENCES received_files(sha256),
    file_name TEXT NOT NULL,
    unit      TEXT,
    year      INTEGER,
    revision  INTEGER,
    outcome   TEXT NOT NULL CHECK (outcome IN ('accepted', 'already', 'refused')),
    reason    TEXT NOT NULL DEFAULT '',    -- coded reason when refused
    message   TEXT NOT NULL DEFAULT '',
    signer    TEXT NOT NULL DEFAULT '',
    signed_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_log_unit_year ON import_log(unit, year);

-- What an accepted revision of a child unit came with: its signer and package, for the consolidation view.
CREATE TABLE received_revisions (
    unit        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    sha256      TEXT NOT NULL REFERENCES received_files(sha256),
    signer      TEXT NOT NULL,
    signed_at   TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (unit, year, number),
    FOREIGN KEY (unit, year, number) REFERENCES revisions(unit, year, number)
);

-- The signed parts of this unit's own exports, so exporting a revision again gives the same bytes.
CREATE TABLE exports (
    unit        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    manifest    BLOB NOT NULL,
    signature   BLOB NOT NULL,
    data        BLOB NOT NULL,
    appendix    BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (unit, year, number),
    FOREIGN KEY (unit, year, number) REFERENCES revisions(unit, year, number)
);
