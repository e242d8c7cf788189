-- How a unit signs: a .p12 file or a PKCS#11 token. The passphrase or PIN is never stored.
CREATE TABLE signing_settings (
    unit TEXT PRIMARY KEY REFERENCES units(code),
    method TEXT NOT NULL CHECK (method IN ('p12', 'pkcs11')),
    p12_path TEXT,
    pkcs11_module TEXT,
    token_label TEXT,
    key_label TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK ((method = 'p12' AND p12_path IS NOT NULL)
        OR (method = 'pkcs11' AND pkcs11_module IS NOT NULL AND token_label IS NOT NULL))
);
