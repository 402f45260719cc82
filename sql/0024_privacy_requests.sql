-- Privacy requests of end users, decided by agents in an admin queue.
--
-- email_change_requests: a signed-in end user asks for the email of their contact and portal account to
-- change. status is pending, approved or rejected; an approval changes the contact's and the portal user's
-- email in the same transaction. At most one pending request per portal user: pending_user is the portal
-- user id while the request is pending and NULL afterwards, and it is unique per org.
CREATE TABLE IF NOT EXISTS email_change_requests (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    portal_user_id BIGINT NOT NULL,
    old_email VARCHAR(255) NOT NULL,
    new_email VARCHAR(255) NOT NULL,
    status VARCHAR(16) CHARACTER SET ascii NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    decided_at DATETIME(6) NULL,
    decided_by BIGINT NULL,
    reason TEXT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    pending_user BIGINT AS (IF(status = 'pending', portal_user_id, NULL)) PERSISTENT,
    PRIMARY KEY (org_id, id),
    UNIQUE KEY ux_email_change_requests_pending (org_id, pending_user),
    KEY ix_email_change_requests_queue (org_id, status, requested_at, id),
    KEY ix_email_change_requests_user (org_id, portal_user_id, requested_at),
    KEY ix_email_change_requests_contact (org_id, contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- erasure_requests: a signed-in end user asks for their account and personal data to be erased. Deciding
-- only records the decision here; carrying an approved erasure out is a later job. One pending request per
-- portal user, as above.
CREATE TABLE IF NOT EXISTS erasure_requests (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    portal_user_id BIGINT NOT NULL,
    status VARCHAR(16) CHARACTER SET ascii NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    decided_at DATETIME(6) NULL,
    decided_by BIGINT NULL,
    reason TEXT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    pending_user BIGINT AS (IF(status = 'pending', portal_user_id, NULL)) PERSISTENT,
    PRIMARY KEY (org_id, id),
    UNIQUE KEY ux_erasure_requests_pending (org_id, pending_user),
    KEY ix_erasure_requests_queue (org_id, status, requested_at, id),
    KEY ix_erasure_requests_user (org_id, portal_user_id, requested_at),
    KEY ix_erasure_requests_contact (org_id, contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
