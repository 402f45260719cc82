-- The access model (profiles, roles, data sharing, sharing rules, field permissions).
--
-- Built-in profiles and the top role are not rows: every org has them, with fixed ids (DeskCore
-- BuiltInProfile, Role.topRoleID): profile 1 Administrator, 2 Agent, 3 Light Agent; role 1 CEO.
-- Custom profiles are clones with their own rights. permissions is a JSON object:
-- {"modules":{"tickets":["view","create",…],…},"privacy":["anonymize",…]}.
CREATE TABLE IF NOT EXISTS profiles (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    description TEXT NULL,
    cloned_from BIGINT NOT NULL,
    permissions TEXT CHARACTER SET ascii NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_profiles_name (org_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Roles below the top role; reports_to is the parent role (1 for the top role).
CREATE TABLE IF NOT EXISTS roles (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    description TEXT NULL,
    reports_to BIGINT NOT NULL,
    share_data_with_peers TINYINT(1) NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    deleted_at DATETIME(6) NULL,
    deleted_by BIGINT NULL,
    PRIMARY KEY (org_id, id),
    KEY ix_roles_reports_to (org_id, reports_to)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Data sharing per module (tickets, contacts, accounts); a module without a row is `private`.
CREATE TABLE IF NOT EXISTS data_sharing (
    org_id BIGINT NOT NULL,
    module VARCHAR(16) CHARACTER SET ascii NOT NULL,
    access VARCHAR(24) CHARACTER SET ascii NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    PRIMARY KEY (org_id, module)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The records of agents in from_role (and the roles below it) shared with the agents of to_role (and the
-- roles below it), read-only or read/write.
CREATE TABLE IF NOT EXISTS sharing_rules (
    org_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    module VARCHAR(16) CHARACTER SET ascii NOT NULL,
    from_role_id BIGINT NOT NULL,
    to_role_id BIGINT NOT NULL,
    access VARCHAR(16) CHARACTER SET ascii NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT UNSIGNED NOT NULL DEFAULT 1,
    PRIMARY KEY (org_id, id),
    KEY ix_sharing_rules_module (org_id, module)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Field-level permissions of a profile: a field (standard api name such as `email`, or a custom field's
-- `cf_…`) of a module is readWrite unless a row says readOnly or hidden.
CREATE TABLE IF NOT EXISTS field_permissions (
    org_id BIGINT NOT NULL,
    profile_id BIGINT NOT NULL,
    module VARCHAR(16) CHARACTER SET ascii NOT NULL,
    field VARCHAR(64) CHARACTER SET ascii NOT NULL,
    access VARCHAR(16) CHARACTER SET ascii NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (org_id, profile_id, module, field)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each agent has one profile and one role. The former `role` column (Administrator / Agent) becomes the
-- built-in profile 1 or 2.
ALTER TABLE agents
    ADD COLUMN IF NOT EXISTS profile_id BIGINT NOT NULL DEFAULT 2,
    ADD COLUMN IF NOT EXISTS role_id BIGINT NOT NULL DEFAULT 1;
-- (Guarded so that a re-run after the column is gone still succeeds.)
SET @deskd_has_role = (SELECT COUNT(*) FROM information_schema.columns
                       WHERE table_schema = DATABASE() AND table_name = 'agents' AND column_name = 'role');
SET @deskd_copy_role = IF(@deskd_has_role > 0,
                          'UPDATE agents SET profile_id = 1 WHERE role = ''Administrator''', 'DO 0');
PREPARE deskd_copy_role FROM @deskd_copy_role;
EXECUTE deskd_copy_role;
DEALLOCATE PREPARE deskd_copy_role;
ALTER TABLE agents DROP COLUMN IF EXISTS role;
ALTER TABLE agents ADD KEY IF NOT EXISTS ix_agents_role (org_id, role_id);

-- Contacts and accounts are owned by an agent (the creator unless set): `private` sharing is by owner.
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS owner_id BIGINT NULL;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS owner_id BIGINT NULL;

-- Restricted lists scan the live index in order and test owner and department on the index entry itself.
ALTER TABLE tickets ADD KEY IF NOT EXISTS ix_tickets_live_access (org_id, deleted_at, created_at, assignee_id, department_id);
ALTER TABLE contacts ADD KEY IF NOT EXISTS ix_contacts_live_access (org_id, deleted_at, created_at, owner_id);
ALTER TABLE accounts ADD KEY IF NOT EXISTS ix_accounts_live_access (org_id, deleted_at, created_at, owner_id);
