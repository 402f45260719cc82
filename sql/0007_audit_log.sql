-- One row per change made through the write path (DESIGN §4). changes holds JSON text:
-- [{"field":…,"old":…,"new":…}] with values as text.
CREATE TABLE IF NOT EXISTS audit_log (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    actor_id BIGINT NOT NULL,
    request_id VARCHAR(128) NOT NULL,
    action VARCHAR(16) CHARACTER SET ascii NOT NULL,
    record_type VARCHAR(32) CHARACTER SET ascii NOT NULL,
    record_id BIGINT NOT NULL,
    changes LONGTEXT NOT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_audit_record (org_id, record_type, record_id),
    KEY ix_audit_time (org_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
