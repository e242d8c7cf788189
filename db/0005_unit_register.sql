-- The unit register over the years (the 2025 reform: districts abolished, communes and provinces merged).
-- A unit exists from valid_from (NULL: from the beginning) until the year before valid_until (NULL: still).
-- Its name, level and parent can change from a given year: unit_versions holds each set of attributes with
-- the first year it applies; the units row keeps the newest for everything that needs only today's tree.
ALTER TABLE units ADD COLUMN valid_from INTEGER;
ALTER TABLE units ADD COLUMN valid_until INTEGER;

CREATE TABLE unit_versions (
    code      TEXT NOT NULL REFERENCES units(code),
    from_year INTEGER NOT NULL,            -- 0: from the beginning
    name      TEXT NOT NULL,
    level     TEXT NOT NULL REFERENCES levels(code),
    parent    TEXT,
    at        TEXT NOT NULL,
    who       TEXT NOT NULL,
    PRIMARY KEY (code, from_year)
);
INSERT INTO unit_versions(code, from_year, name, level, parent, at, who)
    SELECT code, 0, name, level, parent, created_at, 'migration' FROM units;

-- Which old unit became which new one, and from which year: a code change ('recode') or a merger ('merge').
CREATE TABLE unit_links (
    predecessor TEXT NOT NULL REFERENCES units(code),
    successor   TEXT NOT NULL REFERENCES units(code),
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('recode', 'merge')),
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    PRIMARY KEY (predecessor, successor)
);
