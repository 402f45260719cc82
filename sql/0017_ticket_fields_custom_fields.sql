-- Ticket classification, category, department and contact; custom field definitions per module and the
-- custom field values (`cf`) of tickets, contacts and accounts.
--
-- `cf` holds a JSON object {"cf_api_name": "canonical text", …} of the fields that have a value (unset
-- fields have no key). Every value is a string, so a field marked encrypted can later hold its
-- AES-256-GCM ciphertext text under the same key, and erasure removes a personal field with
-- JSON_REMOVE(cf, '$.cf_name'), finding the personal fields in custom_fields (is_personal = 1).
ALTER TABLE tickets
    ADD COLUMN IF NOT EXISTS classification VARCHAR(32) NULL,
    ADD COLUMN IF NOT EXISTS category VARCHAR(100) NULL,
    ADD COLUMN IF NOT EXISTS department_id BIGINT NULL,
    ADD COLUMN IF NOT EXISTS contact_id BIGINT NULL,
    ADD COLUMN IF NOT EXISTS cf LONGTEXT NULL CHECK (cf IS NULL OR JSON_VALID(cf));

CREATE INDEX IF NOT EXISTS ix_tickets_department ON tickets (org_id, department_id, deleted_at, created_at);
CREATE INDEX IF NOT EXISTS ix_tickets_contact ON tickets (org_id, contact_id, deleted_at, created_at);

ALTER TABLE contacts ADD COLUMN IF NOT EXISTS cf LONGTEXT NULL CHECK (cf IS NULL OR JSON_VALID(cf));
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS cf LONGTEXT NULL CHECK (cf IS NULL OR JSON_VALID(cf));

-- Custom field definitions. api_name is unique per org and module. A deleted definition is removed
-- together with every stored value under its api name (the row does not go to the recycle bin), so a
-- later field with the same api name never shows old values.
CREATE TABLE IF NOT EXISTS custom_fields (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    module VARCHAR(16) NOT NULL,
    api_name VARCHAR(64) NOT NULL,
    display_label VARCHAR(100) NOT NULL,
    field_type VARCHAR(16) NOT NULL,
    allowed_values LONGTEXT NULL CHECK (allowed_values IS NULL OR JSON_VALID(allowed_values)),
    max_length INT NULL,
    is_mandatory TINYINT(1) NOT NULL DEFAULT 0,
    is_personal TINYINT(1) NOT NULL DEFAULT 0,
    is_encrypted TINYINT(1) NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE KEY uq_custom_fields_api_name (org_id, module, api_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
