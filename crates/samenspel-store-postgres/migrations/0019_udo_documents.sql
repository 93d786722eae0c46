-- Documents of a UDO dossier, published with it under the Wet open overheid (issue 14, item
-- 9): the file itself is an attachment (owner_type 'udo_dossier'); here its title, the kind
-- of document (a key of samenspel_domain::udo::woo::AttachmentKind, or none) and its Woo
-- information category (art. 3.3 Woo, BWBR0045754; the DiWoo key of InformationCategory).
CREATE TABLE udo_documents (
    attachment_id BIGINT PRIMARY KEY REFERENCES attachments (id),
    dossier_id    BIGINT NOT NULL REFERENCES udo_dossiers (id),
    title         TEXT NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    kind          TEXT,
    category      TEXT NOT NULL
);
CREATE INDEX udo_documents_by_dossier ON udo_documents (dossier_id, attachment_id);
