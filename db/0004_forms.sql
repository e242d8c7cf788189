-- Forms (catalogues) as distributed documents: where each came from, and which form a period uses and why.

-- shipped: with the program; published: signed here for our units; installed: a signed form from the office above
ALTER TABLE catalogues ADD COLUMN origin TEXT NOT NULL DEFAULT 'shipped';
ALTER TABLE catalogues ADD COLUMN origin_detail TEXT NOT NULL DEFAULT '';  -- signer, publishing unit, file
ALTER TABLE catalogues ADD COLUMN for_year INTEGER;                        -- the year it was published for
ALTER TABLE catalogues ADD COLUMN added_at TEXT;

-- own: the form written for this year; redated: an earlier year's form read for this year;
-- published: the form the office above published for this year; chosen: set by the user
ALTER TABLE periods ADD COLUMN catalogue_basis TEXT NOT NULL DEFAULT '';
