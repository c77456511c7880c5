-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- The referral, with the patient's identifying data: this table is the only place they are kept.
create table referral (
    id                        varchar(64)  primary key,
    referrer_id               varchar(200) not null,
    referrer_name             varchar(200) not null,
    referrer_email            varchar(200) not null,
    patient_pseudonym         varchar(64)  not null,
    patient_name              varchar(200) not null,
    patient_birth_date        date         not null,
    patient_address           varchar(500) not null,
    condition_code            varchar(40)  not null,
    body_site                 varchar(200) not null,
    pain_duration_months      integer      not null,
    prior_conservative_care   boolean      not null,
    anticoagulated            boolean      not null,
    allergy_to_injectate      boolean      not null,
    pregnant                  boolean      not null,
    uncontrolled_diabetes     boolean      not null,
    active_infection_at_site  boolean      not null,
    malignancy_at_site        boolean      not null,
    urgency                   varchar(16)  not null,
    notes                     varchar(2000),
    submitted_at              timestamp with time zone not null,
    status                    varchar(32)  not null,
    open_question             varchar(4000),
    outcome_code              varchar(32),
    outcome_reason_code       varchar(100),
    outcome_note              varchar(4000),
    outcome_closed_at         timestamp with time zone,
    updated_at                timestamp with time zone not null
);

create index referral_by_referrer on referral (referrer_id, submitted_at);

-- A client's Idempotency-Key, the SHA-256 of the request it came with, and the referral it created.
create table idempotency_key (
    idempotency_key  varchar(200) primary key,
    request_hash     varchar(64)  not null,
    referral_id      varchar(64)  not null references referral (id),
    created_at       timestamp with time zone not null
);

-- Workflow events already acted on (platform/events ProcessedEvents).
create table processed_event (
    event_id      varchar(64)  primary key,
    event_type    varchar(200),
    processed_at  timestamp    not null
);

-- Spring Modulith 1.4 JDBC event publication registry (the outbox), from spring-modulith-events-jdbc's
-- schema-postgresql.sql / schema-h2.sql. Portable types instead of TEXT (a CLOB in H2, which the
-- registry compares with =); wide enough for a 2000-character answer escaped as JSON.
create table event_publication (
    id                uuid           not null primary key,
    listener_id       varchar(512)   not null,
    event_type        varchar(512)   not null,
    serialized_event  varchar(20000) not null,
    publication_date  timestamp with time zone not null,
    completion_date   timestamp with time zone
);

-- PostgreSQL's schema indexes serialized_event with a hash index, which H2 cannot declare the same
-- way, and a b-tree cannot hold values this wide; the registry looks it up only for completion, in a
-- table kept small by completion, so the listener index suffices.
create index event_publication_by_listener_id_idx on event_publication (listener_id);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
