-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

create table processed_event (
	event_id varchar(64) primary key,
	event_type varchar(200),
	processed_at timestamp not null
);

create table referrer_contact (
	referral_id varchar(64) primary key,
	referrer_id varchar(100) not null,
	referrer_name varchar(200) not null,
	referrer_email varchar(320) not null,
	patient_pseudonym varchar(100) not null,
	condition_code varchar(64) not null,
	learned_at timestamp not null
);

create table course_session (
	referral_id varchar(64) not null,
	session_number int not null,
	session_date date not null,
	primary key (referral_id, session_number)
);

-- One letter per causing event: causation_event_id is the event's ce_id.
create table letters (
	id varchar(36) primary key,
	causation_event_id varchar(64) not null unique,
	referral_id varchar(64) not null,
	referrer_id varchar(100) not null,
	kind varchar(32) not null,
	recipient varchar(320) not null,
	subject varchar(300) not null,
	body varchar(8000) not null,
	written_at timestamp not null,
	sent_at timestamp,
	notified_at timestamp
);

create index letters_by_referral on letters (referral_id);

-- Spring Modulith's JDBC event publication registry (the outbox), as in spring-modulith-events-jdbc
-- 1.4.4's schema-h2.sql / schema-postgresql.sql, in the types both databases accept. The PostgreSQL
-- script's hash index on serialized_event has no H2 equivalent; the listener id index serves the
-- registry's completion lookups for this service's few outstanding letters.
create table event_publication (
	id uuid not null primary key,
	listener_id varchar(512) not null,
	event_type varchar(512) not null,
	serialized_event varchar(4000) not null,
	publication_date timestamp with time zone not null,
	completion_date timestamp with time zone
);

create index event_publication_by_listener_id on event_publication (listener_id);
create index event_publication_by_completion_date on event_publication (completion_date);
