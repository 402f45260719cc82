-- Departments of an org and the agents who work in each (agents ↔ departments, many to many).
-- A department is never hard-deleted while tickets point at it; it is disabled (is_enabled = 0).
CREATE TABLE IF NOT EXISTS departments (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    description TEXT NULL,
    is_enabled TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_departments_name (org_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS department_agents (
    org_id BIGINT NOT NULL,
    department_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (org_id, department_id, agent_id),
    KEY ix_department_agents_agent (org_id, agent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
