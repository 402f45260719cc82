-- Per-org ticket number counter. Processes take blocks of numbers in a short transaction of their own
-- and hand them out from memory, so ticket creates do not queue behind this row; gaps are allowed.
CREATE TABLE IF NOT EXISTS ticket_number_blocks (
    org_id BIGINT NOT NULL,
    next_number BIGINT NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
