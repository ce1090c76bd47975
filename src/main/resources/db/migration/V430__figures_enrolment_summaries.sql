-- The dashboard's and the programs' yearly figures' summaries of the enrolments of every program but 低保
-- (docs/benchmarks.md, "The enrolments (issue 29, continued)"), in the style of V390 / V405: kept current by database
-- triggers on enrolment and household_member in the statement that changes them (V431 in db/vendor/{h2,postgresql}), so
-- every writer (the programs' processes, 高龄's and 特困's reviews, imports, scripts) keeps them in its own transaction.
-- Read-only for the application; backfilled here.
--
-- figure: NOW   — the enrolments today in 享受中 (ACTIVE), 暂停发放 (SUSPENDED) or 申请办理中 (APPLIED); period '';
--         ADDED — granted (ACTIVE, SUSPENDED or ENDED) with their start month in the year; period the year ('2025');
--         ENDED — ended with their end month in the year; period the year.
-- households: the households counted once (NOW: with an ACTIVE enrolment), people: the person of a person's
-- enrolment, the household's members for a household's (NOW: ACTIVE enrolments only), amount: ACTIVE enrolments'
-- monthly amounts (NOW only), suspended / applied: enrolments in those states (NOW only).

-- One row per program, household, figure, period and township: what the household adds to figures_enrolment. A
-- household counts once however many enrolments it has, which a sum of counts cannot tell across months or
-- townships; these rows can, and the triggers recompute a household's rows whenever its enrolments or members change.
-- township_code '' (NOW only): the household across the district (its enrolments of one program in two townships
-- count it once, as the district's dashboard always did).
create table figures_enrolment_household (
    program_code  varchar(20)   not null,
    household_id  bigint        not null,
    figure        varchar(5)    not null,
    period        varchar(4)    not null,
    township_code varchar(40)   not null,
    enrolments    bigint        not null,
    households    bigint        not null,
    people        bigint        not null,
    amount        numeric(14,2) not null,
    suspended     bigint        not null,
    applied       bigint        not null,
    constraint figures_enrolment_household_pk primary key (household_id, program_code, figure, period, township_code)
);

-- The sums of figures_enrolment_household per program, township ('' the district, NOW only), figure and period: what
-- the pages read (programs × townships × years rows, whatever the number of households). A row whose enrolments fall
-- to nil is deleted.
create table figures_enrolment (
    program_code  varchar(20)   not null,
    township_code varchar(40)   not null,
    figure        varchar(5)    not null,
    period        varchar(4)    not null,
    enrolments    bigint        not null,
    households    bigint        not null,
    people        bigint        not null,
    amount        numeric(14,2) not null,
    suspended     bigint        not null,
    applied       bigint        not null,
    constraint figures_enrolment_pk primary key (figure, period, program_code, township_code)
);

-- figures_enrolment_household as the enrolments give it afresh: the triggers recompute a household's rows from it (a
-- condition on household_id reaches every part of the union, so only that household's enrolments are read).
create view figures_enrolment_household_afresh as
select e.program_code, e.household_id, 'NOW' as figure, '' as period, e.township_code as township_code,
    count(*) as enrolments, max(case when e.status = 'ACTIVE' then 1 else 0 end) as households,
    coalesce(sum(case when e.status <> 'ACTIVE' then 0 when e.person_id_number is not null then 1
        else (select count(*) from household_member m where m.household_id = e.household_id) end), 0) as people,
    coalesce(sum(case when e.status = 'ACTIVE' then e.amount else 0 end), 0) as amount,
    sum(case when e.status = 'SUSPENDED' then 1 else 0 end) as suspended,
    sum(case when e.status = 'APPLIED' then 1 else 0 end) as applied
from enrolment e where e.program_code <> 'DIBAO' and e.status in ('ACTIVE', 'SUSPENDED', 'APPLIED')
group by e.program_code, e.household_id, e.township_code
union all
select e.program_code, e.household_id, 'NOW' as figure, '' as period, '' as township_code,
    count(*) as enrolments, max(case when e.status = 'ACTIVE' then 1 else 0 end) as households,
    coalesce(sum(case when e.status <> 'ACTIVE' then 0 when e.person_id_number is not null then 1
        else (select count(*) from household_member m where m.household_id = e.household_id) end), 0) as people,
    coalesce(sum(case when e.status = 'ACTIVE' then e.amount else 0 end), 0) as amount,
    sum(case when e.status = 'SUSPENDED' then 1 else 0 end) as suspended,
    sum(case when e.status = 'APPLIED' then 1 else 0 end) as applied
from enrolment e where e.program_code <> 'DIBAO' and e.status in ('ACTIVE', 'SUSPENDED', 'APPLIED')
group by e.program_code, e.household_id
union all
select e.program_code, e.household_id, 'ADDED', left(e.start_month, 4), e.township_code, count(*), 1,
    sum(case when e.person_id_number is not null then 1
        else (select count(*) from household_member m where m.household_id = e.household_id) end), 0, 0, 0
from enrolment e where e.program_code <> 'DIBAO' and e.status in ('ACTIVE', 'SUSPENDED', 'ENDED') and e.start_month is not null
group by e.program_code, e.household_id, left(e.start_month, 4), e.township_code
union all
select e.program_code, e.household_id, 'ENDED', left(e.end_month, 4), e.township_code, count(*), 1,
    sum(case when e.person_id_number is not null then 1
        else (select count(*) from household_member m where m.household_id = e.household_id) end), 0, 0, 0
from enrolment e where e.program_code <> 'DIBAO' and e.status = 'ENDED' and e.end_month is not null
group by e.program_code, e.household_id, left(e.end_month, 4), e.township_code;

insert into figures_enrolment_household (program_code, household_id, figure, period, township_code, enrolments,
    households, people, amount, suspended, applied)
select program_code, household_id, figure, period, township_code, enrolments, households, people, amount, suspended,
    applied
from figures_enrolment_household_afresh;

insert into figures_enrolment (program_code, township_code, figure, period, enrolments, households, people, amount,
    suspended, applied)
select program_code, township_code, figure, period, sum(enrolments), sum(households), sum(people), sum(amount),
    sum(suspended), sum(applied)
from figures_enrolment_household group by program_code, township_code, figure, period;
