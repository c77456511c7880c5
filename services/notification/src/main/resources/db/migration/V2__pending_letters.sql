-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- A workflow or scheduling event can arrive before the ReferralSubmitted that names the referrer
-- (different topics, no order between them). Its letter waits here, addressee-less, until the
-- contact arrives; then it is written and sent like any other. One row per causing event.
create table pending_letter (
	causation_event_id varchar(64) primary key,
	causation_event_type varchar(200),
	referral_id varchar(64) not null,
	kind varchar(32) not null,
	question varchar(4000),
	answer_due_at timestamp,
	outcome varchar(64),
	reason_code varchar(64),
	note_to_referrer varchar(4000),
	session_dates varchar(1000),
	received_at timestamp not null
);

create index pending_letter_by_referral on pending_letter (referral_id, received_at);

-- One row per referral, locked by every use case of that referral: without it a letter parked by one
-- transaction could miss the contact stored by a concurrent one (and stay pending for ever).
create table referral_lock (
	referral_id varchar(64) primary key
);
