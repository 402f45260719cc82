-- Accounts: the organisations contacts belong to. account_name need not be unique.
CREATE TABLE IF NOT EXISTS accounts (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    account_name VARCHAR(255) NOT NULL,
    email VARCHAR(255) NULL,
    phone VARCHAR(50) NULL,
    website VARCHAR(255) NULL,
    description MEDIUMTEXT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_accounts_live (org_id, deleted_at, created_at),
    KEY ix_accounts_modified (org_id, deleted_at, updated_at),
    KEY ix_accounts_name (org_id, account_name),
    KEY ix_accounts_email (org_id, email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
