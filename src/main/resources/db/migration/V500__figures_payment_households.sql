-- The distinct households paid, for the dashboard's payrolls and the programs' households of their last month
-- (docs/benchmarks.md, ledger pages at city scale): counted from the payments on every request they cost 150 ms to
-- 1 s at a million households. Distinct households do not add up across townships or payrolls (a person's enrolments
-- put two payments in one household; a back payment pays a month again in a later payroll), so the rows per household
-- are kept, and the counts from them. Kept current by database triggers on payment in the statement that changes a
-- payment (V501 in db/vendor/{h2,postgresql}); read-only for the application; backfilled here.

-- One row per program, benefit month, household and township with a payment: its payments (any payroll, any status)
-- and those paid by the program's payroll of that same month (own_payments). A row whose payments fall to nil is deleted.
create table figures_payment_household (
    program_code  varchar(20) not null,
    benefit_month varchar(7)  not null,
    household_id  bigint      not null,
    township_code varchar(40) not null,
    payments      bigint      not null,
    own_payments  bigint      not null,
    constraint figures_payment_household_pk primary key (program_code, benefit_month, household_id, township_code)
);

-- Per program, benefit month and township (township '' for the district: a household once whichever townships its
-- payments name): households with a payment, and households with a payment of the month's own payroll.
create table figures_payment_household_count (
    program_code   varchar(20) not null,
    benefit_month  varchar(7)  not null,
    township_code  varchar(40) not null,
    households     bigint      not null,
    own_households bigint      not null,
    constraint figures_payment_household_count_pk primary key (program_code, benefit_month, township_code)
);

insert into figures_payment_household (program_code, benefit_month, household_id, township_code, payments, own_payments)
select r.program_code, p.benefit_month, p.household_id, p.township_code, count(*),
    sum(case when r.payroll_month = p.benefit_month then 1 else 0 end)
from payment p join payroll r on r.id = p.payroll_id
group by r.program_code, p.benefit_month, p.household_id, p.township_code;

insert into figures_payment_household_count (program_code, benefit_month, township_code, households, own_households)
select program_code, benefit_month, township_code, count(*), sum(case when own_payments > 0 then 1 else 0 end)
from figures_payment_household
group by program_code, benefit_month, township_code;

insert into figures_payment_household_count (program_code, benefit_month, township_code, households, own_households)
select program_code, benefit_month, '', count(*), sum(case when own_payments > 0 then 1 else 0 end)
from (select program_code, benefit_month, household_id, sum(own_payments) as own_payments
      from figures_payment_household group by program_code, benefit_month, household_id) h
group by program_code, benefit_month;
