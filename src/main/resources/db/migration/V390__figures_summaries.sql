-- The dashboard's and the yearly figures' summaries of the payments (docs/benchmarks.md, ledger pages at city scale):
-- kept current by database triggers on payment in the statement that changes a payment (V391 in db/vendor/{h2,postgresql}),
-- so every writer of payments (the payrolls, the bank's returns, re-issues, deductions, a discarded computation) keeps
-- them in its own transaction. Read-only for the application; backfilled here from the payments there are.

-- Payments, people and yuan (amount less deductions) per payroll, township, benefit month, status and whether the
-- payment is a 低保 case's (case_id set). A row whose payments fall to nil is deleted.
create table figures_payment (
    payroll_id    bigint        not null,
    township_code varchar(40)   not null,
    benefit_month varchar(7)    not null,
    status        varchar(10)   not null,
    with_case     boolean       not null,
    payments      bigint        not null,
    people        bigint        not null,
    amount        numeric(16,2) not null,
    constraint figures_payment_pk primary key (payroll_id, township_code, benefit_month, status, with_case)
);
create index figures_payment_month_idx on figures_payment (benefit_month, with_case);

-- Each 低保 case's first payment ever (a case is paid once per benefit month: payment_case_month_uk): its month,
-- township and people, and whether the case was taken over from a roster (名册导入, never counted as added).
create table figures_dibao_case (
    case_id       bigint      not null primary key,
    first_month   varchar(7)  not null,
    township_code varchar(40) not null,
    people_count  integer     not null,
    imported      boolean     not null
);
create index figures_dibao_case_month_idx on figures_dibao_case (first_month, imported, township_code, people_count);

insert into figures_payment (payroll_id, township_code, benefit_month, status, with_case, payments, people, amount)
select payroll_id, township_code, benefit_month, status, case when case_id is null then false else true end,
    count(*), sum(people_count), sum(amount - deducted_amount)
from payment
group by payroll_id, township_code, benefit_month, status, case when case_id is null then false else true end;

insert into figures_dibao_case (case_id, first_month, township_code, people_count, imported)
select p.case_id, p.benefit_month, p.township_code, p.people_count,
    case when c.import_batch_id is null then false else true end
from payment p join dibao_case c on c.id = p.case_id
where p.benefit_month = (select min(q.benefit_month) from payment q where q.case_id = p.case_id);

-- The cases cancelled in a year (the yearly figures' 停保), from the index alone.
create index dibao_case_status_history_status_idx on dibao_case_status_history (status, changed_at, case_id);

-- Distinct households paid per benefit month and payroll (the dashboard's payrolls, a program's households at the
-- end of the year), from the index alone; it replaces V330's index of the monthly 低保 counts, which the summary gives.
drop index payment_month_township_idx;
create index payment_month_payroll_household_idx on payment (benefit_month, payroll_id, township_code, household_id, people_count);
