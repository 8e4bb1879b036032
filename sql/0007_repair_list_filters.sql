-- coopdesk schema 7: the open repairs' index by target carries what the
-- repairs list narrows by.
--
-- The Repairs list pages the open repairs by target date through the
-- partial index repairs_open_by_target. Narrowed to a status, a priority,
-- a contractor, Right to Repair defects or damp and mould (repair_list.c),
-- each entry the index hands over was tested on the repair's own row: on
-- a co-op of a million repairs, reading about a thousand rows for a page
-- of emergencies (40 ms and more). With those columns in the index the
-- test is made on the entry, and only a repair that matches is read
-- (about 1 ms). Home's overdue count (summary.c) ranges over the same
-- index as before.
DROP INDEX repairs_open_by_target;
CREATE INDEX repairs_open_by_target
	ON repairs (target_at, id, status, priority, contractor_id, rtr_days, damp_hazard) WHERE is_open;

-- The repairs of one finished status (completed, closed, cancelled) by
-- target date: walking repairs_by_target for the completed ones, 1 in 100
-- of a big co-op's repairs and the latest, read about a million rows
-- (over a second); this index hands them over in order.
CREATE INDEX repairs_by_status_target ON repairs (status, target_at, id);
