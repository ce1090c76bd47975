-- Back pay of a 高龄津贴 tier's difference (docs/programs.md, 高龄津贴): a month already paid at the lower tier is
-- owed the difference once the move up is confirmed. It is a payment of that benefit month of its own kind, so the
-- unique key becomes (enrolment, benefit month, kind): each month is paid once as such (REGULAR, every program as
-- before) and its tier difference once (TIER_DIFFERENCE).
alter table payment add column payment_kind varchar(20) default 'REGULAR' not null;
alter table payment add constraint payment_kind_check check (payment_kind in ('REGULAR', 'TIER_DIFFERENCE'));
alter table payment drop constraint payment_enrolment_month_uk;
alter table payment add constraint payment_enrolment_month_uk unique (enrolment_id, benefit_month, payment_kind);
