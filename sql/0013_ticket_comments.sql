-- Comments: agents' notes on a ticket (public or private). Readable only while their ticket is live;
-- removed with it when the ticket is deleted permanently.
CREATE TABLE IF NOT EXISTS ticket_comments (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    ticket_id BIGINT NOT NULL,
    content MEDIUMTEXT NOT NULL,
    content_type VARCHAR(16) CHARACTER SET ascii NOT NULL,
    is_public TINYINT(1) NOT NULL,
    commenter_id BIGINT NOT NULL,
    commenter_type VARCHAR(16) CHARACTER SET ascii NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_ticket_comments_ticket (org_id, ticket_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
