-- Contacts: the people who ask for support. account_id names a live account of the same org when set.
CREATE TABLE IF NOT EXISTS contacts (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    first_name VARCHAR(100) NULL,
    last_name VARCHAR(100) NOT NULL,
    email VARCHAR(255) NULL,
    phone VARCHAR(50) NULL,
    mobile VARCHAR(50) NULL,
    account_id BIGINT NULL,
    description MEDIUMTEXT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_contacts_live (org_id, deleted_at, created_at),
    KEY ix_contacts_modified (org_id, deleted_at, updated_at),
    KEY ix_contacts_last_name (org_id, last_name),
    KEY ix_contacts_first_name (org_id, first_name),
    KEY ix_contacts_email (org_id, email),
    KEY ix_contacts_account (org_id, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
