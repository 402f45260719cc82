-- Attachments: a metadata row plus the file's bytes in chunks of at most 256 KiB (DESIGN §3), so nothing
-- lands on a local disk. An attachment belongs to a ticket and optionally to one of its threads or
-- comments; it is readable only while its ticket is live and removed with it when the ticket is deleted
-- permanently.
--
-- Uploads (POST /api/v1/uploads) are attachments not yet linked to a ticket: ticket_id is NULL and
-- expires_at is set (24 h after the upload). Linking one (attachmentIds on a reply or comment) sets the
-- ticket, the thread or comment, and clears expires_at. Expired uploads are purged with their chunks.
CREATE TABLE IF NOT EXISTS attachments (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    ticket_id BIGINT NULL,
    thread_id BIGINT NULL,
    comment_id BIGINT NULL,
    file_name VARCHAR(255) NOT NULL,
    content_type VARCHAR(127) CHARACTER SET ascii NOT NULL,
    size BIGINT NOT NULL,
    sha256 BINARY(32) NOT NULL,
    is_public TINYINT(1) NOT NULL,
    creator_id BIGINT NOT NULL,
    expires_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_attachments_ticket (org_id, ticket_id, created_at),
    KEY ix_attachments_expiry (org_id, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The bytes of an attachment, in order of seq (0, 1, 2, …); every chunk but the last holds exactly
-- 256 KiB. A file of 0 bytes has no chunk.
CREATE TABLE IF NOT EXISTS attachment_chunks (
    org_id BIGINT NOT NULL,
    attachment_id BIGINT NOT NULL,
    seq INT NOT NULL,
    data MEDIUMBLOB NOT NULL,
    PRIMARY KEY (org_id, attachment_id, seq)
) ENGINE=InnoDB;
