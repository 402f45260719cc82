-- Agents of an org (the people who work tickets). Role 'Administrator' or 'Agent'.
CREATE TABLE IF NOT EXISTS agents (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    email VARCHAR(255) NOT NULL,
    first_name VARCHAR(100) NULL,
    last_name VARCHAR(100) NOT NULL,
    role VARCHAR(32) CHARACTER SET ascii NOT NULL,
    is_active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE KEY uq_agents_email (org_id, email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
