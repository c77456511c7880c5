-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- An Idempotency-Key belongs to the physician who sent it: the same key from another physician is
-- another referral. Keys already stored keep working for the physician who sent them (the referrer
-- of the referral they created). A new table rather than a new primary key, because the old key's
-- constraint has no name the two databases share.
create table idempotency_key_per_referrer (
    referrer_id      varchar(200) not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    referral_id      varchar(64)  not null references referral (id),
    created_at       timestamp with time zone not null,
    primary key (referrer_id, idempotency_key)
);

insert into idempotency_key_per_referrer (referrer_id, idempotency_key, request_hash, referral_id, created_at)
select r.referrer_id, k.idempotency_key, k.request_hash, k.referral_id, k.created_at
from idempotency_key k join referral r on r.id = k.referral_id;

drop table idempotency_key;

alter table idempotency_key_per_referrer rename to idempotency_key;
