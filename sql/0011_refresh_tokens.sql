-- OAuth 2.0 refresh tokens of API clients: only the SHA-256 of the token's 32 random bytes is stored.
-- expires_at NULL: valid until revoked (as Zoho's refresh tokens).
CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash BINARY(32) NOT NULL,
    org_id BIGINT NOT NULL,
    client_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    agent_id BIGINT NOT NULL,
    scope VARCHAR(2000) NOT NULL,
    expires_at DATETIME(6) NULL,
    revoked_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_refresh_tokens_client (client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
