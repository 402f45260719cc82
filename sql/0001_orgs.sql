-- Tenants. Every other tenant table's primary key starts with org_id (DESIGN §3).
-- IDs come from deskd's 64-bit ID generator, never AUTO_INCREMENT: a tenant moves between regions
-- without renumbering.
CREATE TABLE IF NOT EXISTS orgs (
    id BIGINT NOT NULL,
    portal VARCHAR(63) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    name VARCHAR(255) NOT NULL,
    region CHAR(2) CHARACTER SET ascii NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_orgs_portal (portal)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
