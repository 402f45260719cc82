-- After an org moves to another region, its old region keeps only this row (DESIGN §5), so that requests
-- for its portal get a 308 to the new region's host.
CREATE TABLE IF NOT EXISTS org_tombstones (
    org_id BIGINT NOT NULL,
    portal VARCHAR(63) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    moved_to CHAR(2) CHARACTER SET ascii NOT NULL,
    moved_at DATETIME(6) NOT NULL,
    PRIMARY KEY (org_id),
    UNIQUE KEY uq_org_tombstones_portal (portal)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
