-- Idempotent consumer: CloudEvents ids already acted on (see ProcessedEvents).
create table processed_event (
    event_id     varchar(64) primary key,
    event_type   varchar(200),
    processed_at timestamp not null
);

-- One process instance per referral, however often ReferralSubmitted arrives; written in the engine's transaction.
create table started_referral (
    referral_id varchar(64) primary key,
    started_at  timestamp not null
);

-- Messages that arrived before their process instance waited for them (an early ImagingReported).
create table early_message (
    event_id     varchar(64) primary key,
    referral_id  varchar(64) not null,
    message_name varchar(100) not null,
    variables    varchar(20000) not null,
    received_at  timestamp not null
);

create index early_message_by_referral on early_message (referral_id, message_name);
