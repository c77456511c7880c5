-- Idempotent consumer record (platform/events ProcessedEvents).
create table processed_event (
    event_id     varchar(64)  primary key,
    event_type   varchar(200),
    processed_at timestamp    not null
);

create table imaging_order (
    id                   varchar(64)   primary key,
    referral_id          varchar(64)   not null,
    patient_pseudonym    varchar(64)   not null,
    modality             varchar(16)   not null,
    body_region          varchar(200)  not null,
    clinical_question    varchar(4000) not null,
    requested_at         timestamp with time zone not null,
    status               varchar(16)   not null,
    reported_at          timestamp with time zone,
    red_flag             boolean,
    red_flag_kind        varchar(32),
    full_thickness_tear  boolean,
    osteoarthritis_grade integer,
    report               varchar(8000),
    -- One order per request of a referral, even when workflow publishes the request again.
    constraint imaging_order_one_per_request unique (referral_id, requested_at),
    constraint imaging_order_status check (status in ('OPEN', 'REPORTED')),
    constraint imaging_order_grade check (osteoarthritis_grade between 0 and 4)
);

create index imaging_order_by_status on imaging_order (status, requested_at);

-- Spring Modulith's event publication registry (the outbox), after the jar's schema-h2.sql and
-- schema-postgresql.sql, in types both understand: varchar rather than text, because H2 maps text
-- to a CLOB that cannot be compared, and no index on serialized_event (PostgreSQL's is a hash
-- index H2 lacks; lookups here go by id and completion_date).
create table event_publication (
    id               uuid          not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(65535) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);

create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_id_idx on event_publication (listener_id);
