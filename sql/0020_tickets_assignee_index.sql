-- Restricted ticket lists read one index range per reachable assignee (and per department, through
-- ix_tickets_department) in sort order and merge them (DeskCore Store.reachPageQuery), instead of walking
-- every live ticket: a range per assignee needs this index. The 0019 index that appended assignee and
-- department to the live index could not give that order and goes.
ALTER TABLE tickets ADD KEY IF NOT EXISTS ix_tickets_assignee (org_id, assignee_id, deleted_at, created_at);
ALTER TABLE tickets DROP KEY IF EXISTS ix_tickets_live_access;
