-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- A planned course whose sessions wait for dates on scheduling's waiting list: since when (null while nothing
-- waits), and scheduling's time of the latest event about it that intake applied, so that an older one read late or
-- again does not bring back a wait that ended. Beside the status: the referral is COURSE_PLANNED, closed for good.
alter table referral add column course_waitlisted_at timestamp with time zone;
alter table referral add column course_wait_as_of timestamp with time zone;
