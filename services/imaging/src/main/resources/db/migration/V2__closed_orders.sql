-- A referral that closes without a course takes its open orders off the worklist: CLOSED, unreported.
alter table imaging_order drop constraint imaging_order_status;
alter table imaging_order add constraint imaging_order_status check (status in ('OPEN', 'REPORTED', 'CLOSED'));
alter table imaging_order add column closed_at timestamp with time zone;
alter table imaging_order add column close_reason varchar(32);

-- Referrals closed without a course: an ImagingRequested consumed after the close opens no order.
create table closed_referral (
    referral_id varchar(64) primary key,
    outcome     varchar(32) not null,
    closed_at   timestamp with time zone not null
);
