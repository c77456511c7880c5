-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Scheduled jobs that must run on one node at a time (org.prolo.platform.events.JobLeases): the node that
-- holds a job's lease, and until when.
create table job_lease (
    job_name     varchar(100) primary key,
    leased_until timestamp with time zone not null,
    leased_by    varchar(200) not null
);
