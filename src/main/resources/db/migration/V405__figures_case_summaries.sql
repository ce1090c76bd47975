-- The dashboard's summaries of the 低保 cases (docs/benchmarks.md, "The cases and enrolments (issue 29, continued)"),
-- in the style of V390: kept current by database triggers on dibao_case, dibao_case_person and payment in the statement
-- that changes them (V406 in db/vendor/{h2,postgresql}), so every writer (the processes, reviews, roster imports, the
-- payrolls, scripts) keeps them in its own transaction. Read-only for the application; backfilled here.

-- The cases and their people per township, status and start month ('' for a case without one). A row whose cases
-- fall to nil is deleted.
create table figures_case_status (
    township_code varchar(40) not null,
    status        varchar(20) not null,
    start_month   varchar(7)  not null,
    cases         bigint      not null,
    people        bigint      not null,
    constraint figures_case_status_pk primary key (township_code, status, start_month)
);

-- The approved (在保) cases with a start month that no issued payment has paid yet: the dashboard's upcoming first
-- payments. Small: a case leaves it with its first issued payment.
create table figures_unpaid_case (
    case_id       bigint      not null primary key,
    township_code varchar(40) not null,
    start_month   varchar(7)  not null
);
create index figures_unpaid_case_township_idx on figures_unpaid_case (township_code, start_month);

insert into figures_case_status (township_code, status, start_month, cases, people)
select c.township_code, c.status, coalesce(c.start_month, ''), count(*),
    coalesce(sum((select count(*) from dibao_case_person p where p.case_id = c.id)), 0)
from dibao_case c group by c.township_code, c.status, coalesce(c.start_month, '');

insert into figures_unpaid_case (case_id, township_code, start_month)
select c.id, c.township_code, c.start_month from dibao_case c
where c.status = 'APPROVED' and c.start_month is not null
  and not exists (select 1 from payment p where p.case_id = c.id and p.status = 'ISSUED');
