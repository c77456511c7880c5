-- A close without a course cancels the referral's bookings: the row stays (the referral's history),
-- its slot is free again because the daily capacity check counts only rows still booked.
alter table appointment add column cancelled_at timestamp with time zone;

-- Referrals closed without a course: a CoursePlanned or ReferralTriaged consumed after the close books
-- nothing for them.
create table closed_referral (
    referral_id varchar(64) primary key,
    outcome     varchar(32) not null,
    closed_at   timestamp with time zone not null
);
