-- Threads: the replies on a ticket (Zoho Desk's threads). Readable only while their ticket is live;
-- removed with it when the ticket is deleted permanently.
CREATE TABLE IF NOT EXISTS ticket_threads (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    ticket_id BIGINT NOT NULL,
    direction VARCHAR(8) CHARACTER SET ascii NOT NULL,
    channel VARCHAR(32) CHARACTER SET ascii NOT NULL,
    content MEDIUMTEXT NOT NULL,
    content_type VARCHAR(16) CHARACTER SET ascii NOT NULL,
    author_type VARCHAR(16) CHARACTER SET ascii NOT NULL,
    author_id BIGINT NOT NULL,
    visibility VARCHAR(16) CHARACTER SET ascii NOT NULL,
    is_forward TINYINT(1) NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_ticket_threads_ticket (org_id, ticket_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
