-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Each physician's submission budget, shared by every intake node: the instant (nanoseconds since the epoch)
-- at which the physician's token bucket is full again. A row is locked while a submission takes from it,
-- so two nodes never spend the same token.
create table submission_budget (
    physician_id  varchar(200) primary key,
    full_at_nanos bigint       not null
);
