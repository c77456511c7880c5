-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- The portal searches a physician's own reference by prefix, case ignored. lower(referrer_reference) like 'prefix%'
-- read every referral of the physician (count and page), as neither database can serve it from an index here: H2
-- has no expression indexes, and PostgreSQL turns LIKE into an index range only under the C collation. The search
-- key is the lower-case reference as bytes: bytes compare the same in every database and collation, so
-- "starts with p" is exactly the index range p <= key < p || x'ff' (0xff never occurs in UTF-8).
-- References are ASCII letters, digits, space and . _ / - (SubmissionPolicy), so the cast of the lower-case text
-- is its UTF-8 bytes in both databases; intake writes the key of each new referral itself.
alter table referral add column referrer_reference_key bytea;
update referral set referrer_reference_key = cast(lower(referrer_reference) as bytea)
  where referrer_reference is not null;
drop index referral_by_referrer_reference;
create index referral_by_referrer_reference_key on referral (referrer_id, referrer_reference_key);
