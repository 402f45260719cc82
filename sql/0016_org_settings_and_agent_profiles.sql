-- Org settings, agents' own profile fields, and the default department of an org.
-- recycle_bin_retention_days: how long trashed records stay in the recycle bin before they are purged.
ALTER TABLE orgs ADD COLUMN IF NOT EXISTS recycle_bin_retention_days INT NOT NULL DEFAULT 60;

-- Profile fields an agent edits through /myinfo: phone numbers, language (BCP 47 tag such as en or ja-JP)
-- and IANA time zone (such as Asia/Tokyo); NULL when not set.
ALTER TABLE agents
    ADD COLUMN IF NOT EXISTS phone VARCHAR(50) NULL,
    ADD COLUMN IF NOT EXISTS mobile VARCHAR(50) NULL,
    ADD COLUMN IF NOT EXISTS lang_code VARCHAR(35) CHARACTER SET ascii NULL,
    ADD COLUMN IF NOT EXISTS time_zone VARCHAR(64) CHARACTER SET ascii NULL;

-- The department `deskd org create` makes; it cannot be disabled.
ALTER TABLE departments ADD COLUMN IF NOT EXISTS is_default TINYINT(1) NOT NULL DEFAULT 0;
