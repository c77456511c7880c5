-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- What a close cancelled (scheduling's AppointmentsCancelled, imaging's ImagingOrderClosed), kept with
-- a letter that waits for its referrer: EXAM,1,2025-12-22;IMAGING,<order id>.
alter table pending_letter add column cancellations varchar(4000);

-- The course as CoursePlanned gives it, for the closing letter of a planned course.
create table course_plan (
	referral_id varchar(64) primary key,
	sessions int not null,
	interval_weeks int not null,
	dextrose_percent double precision not null,
	injection_sites varchar(2000)
);

-- The closing letter of a planned course waits here for the booked dates (SessionsScheduled comes on
-- another topic, so before or after ReferralClosed); written, once, when they arrive.
create table closing_letter_waiting (
	referral_id varchar(64) primary key,
	causation_event_id varchar(64) not null unique,
	causation_event_type varchar(200),
	outcome varchar(64) not null,
	reason_code varchar(64),
	note_to_referrer varchar(4000),
	received_at timestamp not null
);

-- The course dates the referrer was last told, so that a SessionsScheduled the closing letter already
-- covered writes nothing and a rebooking writes a letter with the new dates.
create table course_dates_told (
	referral_id varchar(64) primary key,
	session_dates varchar(1000) not null
);
