-- API access tokens: only the SHA-256 of the token's 32 random bytes is stored (DESIGN §6).
CREATE TABLE IF NOT EXISTS access_tokens (
    token_hash BINARY(32) NOT NULL,
    org_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_access_tokens_agent (org_id, agent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
