-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

create table processed_event (
	event_id varchar(64) primary key,
	event_type varchar(200),
	processed_at timestamp not null
);

-- One entry per event: event_id is the event's ce_id.
create table timeline_entry (
	event_id varchar(64) primary key,
	referral_id varchar(64) not null,
	event_type varchar(64) not null,
	occurred_at timestamp not null,
	event_source varchar(200),
	summary varchar(500) not null,
	status_after varchar(32),
	recorded_at timestamp not null
);

create index timeline_entry_by_referral on timeline_entry (referral_id, occurred_at);

-- The status computed from the entries; null while no entry set one.
create table referral_status (
	referral_id varchar(64) primary key,
	status varchar(32),
	updated_at timestamp not null
);
