-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- The physician's own reference for a referral (their case or order number), optional; the portal's
-- list searches it by prefix within one physician's referrals.
alter table referral add column referrer_reference varchar(40);

-- A physician's list pages, newest first with the id as tie-break, for all statuses and for one:
-- each page is an index range read backwards, whatever the page, instead of every row sorted.
drop index referral_by_referrer;
create index referral_by_referrer on referral (referrer_id, submitted_at, id);
create index referral_by_referrer_status on referral (referrer_id, status, submitted_at, id);
create index referral_by_referrer_reference on referral (referrer_id, referrer_reference);
