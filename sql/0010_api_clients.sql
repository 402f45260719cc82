-- OAuth 2.0 API clients of an org. client_id is public and random; only the SHA-256 of the client
-- secret's 32 random bytes is stored (DESIGN §6). The client acts as agent_id.
CREATE TABLE IF NOT EXISTS api_clients (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    client_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    client_secret_hash BINARY(32) NOT NULL,
    scopes VARCHAR(2000) NOT NULL,
    agent_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE KEY uq_api_clients_client_id (client_id),
    KEY ix_api_clients_live (org_id, deleted_at, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
