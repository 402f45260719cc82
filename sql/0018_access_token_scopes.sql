-- Access tokens carry their OAuth scopes and, when an API client got them, that client's client_id, so
-- scopes are enforced on every /api/v1 call and revoking a client revokes its live access tokens too.
-- scope: comma-separated Desk.<resource>.<operation> items, or '*' for every scope (an administrator's own
-- token from `deskd token create`; every token issued before this migration is one of those).
-- The expiry and revocation keys let the token clean-up delete stale rows in small batches.
ALTER TABLE access_tokens
    ADD COLUMN IF NOT EXISTS scope VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '*',
    ADD COLUMN IF NOT EXISTS client_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD KEY IF NOT EXISTS ix_access_tokens_client (client_id),
    ADD KEY IF NOT EXISTS ix_access_tokens_expires (expires_at),
    ADD KEY IF NOT EXISTS ix_access_tokens_revoked (revoked_at);

-- New rows name their scope explicitly: no default grants everything by accident.
ALTER TABLE access_tokens ALTER COLUMN scope DROP DEFAULT;

ALTER TABLE refresh_tokens
    ADD KEY IF NOT EXISTS ix_refresh_tokens_revoked (revoked_at),
    ADD KEY IF NOT EXISTS ix_refresh_tokens_expires (expires_at);
