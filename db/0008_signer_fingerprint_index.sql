-- Which units a signing certificate is pinned to is asked for every package imported (a certificate
-- belongs to one unit): without an index that question reads the whole table, a cost that grows with
-- the number of units an office has (the centre: ~3,300).
CREATE INDEX unit_signers_fingerprint ON unit_signers(fingerprint);
