-- What a finalised revision prints besides its values: the unit's name, parent body, document symbol, place
-- and level, and the report's number, date, place, signer and recipients, frozen (JSON) when it is finalised,
-- so that a later "init" or a reopened revision's details never change the paper an earlier revision printed.
ALTER TABLE revisions ADD COLUMN printed TEXT;

-- revisions finalised before this column existed: the details held now are the best record of what they printed
UPDATE revisions SET printed = (
    SELECT json_object(
        'unit', json_object('name', u.name, 'level', u.level, 'place', u.place, 'parent_body', u.parent_body,
                            'doc_symbol', u.doc_symbol),
        'period', json_object('report_number', p.report_number, 'report_date', p.report_date, 'place', p.place,
                              'signer_authority', p.signer_authority, 'signer_title', p.signer_title,
                              'signer_name', p.signer_name, 'recipients', p.recipients))
    FROM units u, periods p WHERE u.code = revisions.unit AND p.year = revisions.year)
WHERE status = 'final' AND source = 'local';
