-- The help center (issue 5): end users' accounts, sessions, one-time tokens, the email outbox and sign-in
-- throttling. Every statement is safe to re-run (IF NOT EXISTS).

-- Who made an audited change: an agent (actor_id = agent id; 0 with actor_type 'system' for the CLI and
-- jobs) or an end user of the help center (actor_id = the contact id).
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS actor_type VARCHAR(16) CHARACTER SET ascii NOT NULL DEFAULT 'agent'
    AFTER actor_id;

-- An end user's help-center account, linked to the contact that holds their personal data. email is the
-- sign-in name (lowercased; unique per org), password_hash the scrypt hash with its parameters
-- ("scrypt$N$r$p$salt$hash", base64), email_verified_at null until the address is confirmed.
CREATE TABLE IF NOT EXISTS portal_users (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) CHARACTER SET ascii NOT NULL,
    email_verified_at DATETIME(6) NULL,
    language VARCHAR(8) CHARACTER SET ascii NULL,
    time_zone VARCHAR(64) CHARACTER SET ascii NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE KEY ux_portal_users_email (org_id, email),
    UNIQUE KEY ux_portal_users_contact (org_id, contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Signed-in browser sessions: only the SHA-256 of the cookie's 32 random bytes is stored. A session ends
-- at idle_expires_at (slid forward on use) or absolute_expires_at, whichever comes first, or when revoked.
-- csrf_secret keys the CSRF tokens of the session's forms.
CREATE TABLE IF NOT EXISTS portal_sessions (
    token_hash BINARY(32) NOT NULL,
    org_id BIGINT NOT NULL,
    portal_user_id BIGINT NOT NULL,
    csrf_secret BINARY(32) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    last_seen_at DATETIME(6) NOT NULL,
    idle_expires_at DATETIME(6) NOT NULL,
    absolute_expires_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_portal_sessions_user (org_id, portal_user_id),
    KEY ix_portal_sessions_expiry (absolute_expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time tokens sent by email (purpose 'verify' or 'reset'): only the SHA-256 is stored; used_at is set
-- when the token is spent.
CREATE TABLE IF NOT EXISTS portal_tokens (
    token_hash BINARY(32) NOT NULL,
    org_id BIGINT NOT NULL,
    portal_user_id BIGINT NOT NULL,
    purpose VARCHAR(16) CHARACTER SET ascii NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_portal_tokens_user (org_id, portal_user_id, purpose)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Emails waiting to be sent, queued inside the write that causes them (so only committed changes send
-- mail). The delivery loop claims due rows (claimed_until), sends them, and sets sent_at; a failure
-- counts an attempt and pushes next_attempt_at back. body is plain UTF-8 text.
CREATE TABLE IF NOT EXISTS outbox_emails (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    recipient VARCHAR(255) NOT NULL,
    subject VARCHAR(998) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    next_attempt_at DATETIME(6) NOT NULL,
    claimed_until DATETIME(6) NULL,
    attempts INT NOT NULL DEFAULT 0,
    sent_at DATETIME(6) NULL,
    failed_at DATETIME(6) NULL,
    last_error VARCHAR(255) NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_outbox_due (sent_at, failed_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sign-in failures per key within a window: scope 'account' (key = org id + email) or 'address' (key =
-- client address). key_hash is the SHA-256 of the key, so no address or email is stored in clear.
CREATE TABLE IF NOT EXISTS portal_signin_failures (
    scope VARCHAR(16) CHARACTER SET ascii NOT NULL,
    key_hash BINARY(32) NOT NULL,
    window_started_at DATETIME(6) NOT NULL,
    failures INT NOT NULL,
    PRIMARY KEY (scope, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
