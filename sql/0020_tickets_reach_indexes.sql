-- Indexes for the ticket lists of agents with restricted reach (DeskCore Store+TicketReachList):
-- - ix_tickets_live_reach: the live tickets in created order with assignee and department on the entry, so
--   a page by created time scans index entries only and reads full rows for the page alone;
-- - ix_tickets_assignee: one range per reachable assignee, for pages in another order.
-- They replace 0019's ix_tickets_live_access, which could not give the created-then-id order.
ALTER TABLE tickets ADD KEY IF NOT EXISTS ix_tickets_live_reach (org_id, deleted_at, created_at, id, assignee_id, department_id);
ALTER TABLE tickets ADD KEY IF NOT EXISTS ix_tickets_assignee (org_id, assignee_id, deleted_at, created_at);
ALTER TABLE tickets DROP KEY IF EXISTS ix_tickets_live_access;
