-- Tickets. ticket_number is per org and human-facing; numbers come from ticket_number_blocks.
CREATE TABLE IF NOT EXISTS tickets (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    ticket_number BIGINT NOT NULL,
    subject VARCHAR(255) NOT NULL,
    description MEDIUMTEXT NULL,
    status VARCHAR(32) NOT NULL,
    priority VARCHAR(32) NULL,
    channel VARCHAR(32) NOT NULL,
    email VARCHAR(255) NULL,
    assignee_id BIGINT NULL,
    due_date DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE KEY uq_tickets_number (org_id, ticket_number),
    KEY ix_tickets_live (org_id, deleted_at, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
