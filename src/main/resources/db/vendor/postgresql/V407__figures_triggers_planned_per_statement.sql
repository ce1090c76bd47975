-- The figures triggers of V391 and V406, each statement that reads a transition table (new_rows, old_rows) now run by
-- EXECUTE, so that it is planned for the rows at hand.
--
-- Why: PL/pgSQL keeps the plan of a statement without parameters for the life of the connection, planned when the
-- function first ran there. A connection whose first payment update touched one row (a bank return) planned the join
-- of old_rows and new_rows as a nested loop; when the same pooled connection then issued a payroll, that plan compared
-- every changed row with every other: 40,000 rows took 123 s instead of 0.4 s, and a payroll of 160,000 payments ran
-- for minutes on the CPU (docs/benchmarks.md, "Unique keys with the month first"). EXECUTE plans each time, with the
-- transition tables' real row counts. architecture/TransitionTablesTest keeps every later trigger function to this.
--
-- Also: a payment's insert no longer rewrites the first-payment row of a case that has one for this month or earlier
-- (every case paid last month: each month's payroll updated all of them to the values they had).

create or replace function figures_payment_inserted() returns trigger language plpgsql as $$
begin
    execute $q$
    insert into figures_payment as f (payroll_id, township_code, benefit_month, status, with_case, payments, people, amount)
    select payroll_id, township_code, benefit_month, status, case_id is not null, count(*), sum(people_count),
        sum(amount - deducted_amount)
    from new_rows group by payroll_id, township_code, benefit_month, status, case_id is not null
    on conflict (payroll_id, township_code, benefit_month, status, with_case) do update
        set payments = f.payments + excluded.payments, people = f.people + excluded.people, amount = f.amount + excluded.amount
    $q$;
    -- a case's first payment: the earlier month wins (one payment per case and month); a case whose first month is
    -- this one or earlier is left as it is
    execute $q$
    insert into figures_dibao_case as f (case_id, first_month, township_code, people_count, imported)
    select distinct on (n.case_id) n.case_id, n.benefit_month, n.township_code, n.people_count, c.import_batch_id is not null
    from new_rows n join dibao_case c on c.id = n.case_id
    where not exists (select 1 from figures_dibao_case o where o.case_id = n.case_id and o.first_month <= n.benefit_month)
    order by n.case_id, n.benefit_month
    on conflict (case_id) do update
        set township_code = case when excluded.first_month < f.first_month then excluded.township_code else f.township_code end,
            people_count = case when excluded.first_month < f.first_month then excluded.people_count else f.people_count end,
            first_month = least(f.first_month, excluded.first_month)
    $q$;
    return null;
end $$;

create or replace function figures_payment_deleted() returns trigger language plpgsql as $$
declare
    cases bigint[];
begin
    execute $q$
    insert into figures_payment as f (payroll_id, township_code, benefit_month, status, with_case, payments, people, amount)
    select payroll_id, township_code, benefit_month, status, case_id is not null, -count(*), -sum(people_count),
        -sum(amount - deducted_amount)
    from old_rows group by payroll_id, township_code, benefit_month, status, case_id is not null
    on conflict (payroll_id, township_code, benefit_month, status, with_case) do update
        set payments = f.payments + excluded.payments, people = f.people + excluded.people, amount = f.amount + excluded.amount
    $q$;
    delete from figures_payment where payments = 0;
    execute 'select array(select distinct case_id from old_rows where case_id is not null)' into cases;
    perform figures_dibao_cases_recomputed(cases);
    return null;
end $$;

create or replace function figures_payment_updated() returns trigger language plpgsql as $$
declare
    cases bigint[];
begin
    execute $q$
    insert into figures_payment as f (payroll_id, township_code, benefit_month, status, with_case, payments, people, amount)
    select payroll_id, township_code, benefit_month, status, with_case, sum(payments), sum(people), sum(amount)
    from (select payroll_id, township_code, benefit_month, status, case_id is not null as with_case, 1 as payments,
                 people_count as people, amount - deducted_amount as amount from new_rows
          union all
          select payroll_id, township_code, benefit_month, status, case_id is not null, -1, -people_count,
                 -(amount - deducted_amount) from old_rows) d
    group by payroll_id, township_code, benefit_month, status, with_case
    having sum(payments) <> 0 or sum(people) <> 0 or sum(amount) <> 0
    on conflict (payroll_id, township_code, benefit_month, status, with_case) do update
        set payments = f.payments + excluded.payments, people = f.people + excluded.people, amount = f.amount + excluded.amount
    $q$;
    delete from figures_payment where payments = 0;
    -- a case's first payment changes only where a payment's case, month, township or people changed
    execute $q$
    select array(
        select o.case_id from old_rows o join new_rows n on n.id = o.id
        where o.case_id is not null and (o.case_id is distinct from n.case_id or o.benefit_month <> n.benefit_month
            or o.township_code <> n.township_code or o.people_count <> n.people_count)
        union
        select n.case_id from old_rows o join new_rows n on n.id = o.id
        where n.case_id is not null and (o.case_id is distinct from n.case_id or o.benefit_month <> n.benefit_month
            or o.township_code <> n.township_code or o.people_count <> n.people_count))
    $q$ into cases;
    perform figures_dibao_cases_recomputed(cases);
    return null;
end $$;

create or replace function figures_case_inserted() returns trigger language plpgsql as $$
declare
    cases bigint[];
begin
    execute $q$
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select n.township_code, n.status, coalesce(n.start_month, ''), count(*),
        coalesce(sum((select count(*) from dibao_case_person p where p.case_id = n.id)), 0)
    from new_rows n group by n.township_code, n.status, coalesce(n.start_month, '')
    on conflict (township_code, status, start_month) do update
        set cases = f.cases + excluded.cases, people = f.people + excluded.people
    $q$;
    execute $q$select array(select id from new_rows where status = 'APPROVED' and start_month is not null)$q$ into cases;
    perform figures_unpaid_recomputed(cases);
    return null;
end $$;

create or replace function figures_case_deleted() returns trigger language plpgsql as $$
begin
    execute $q$
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select o.township_code, o.status, coalesce(o.start_month, ''), -count(*),
        -coalesce(sum((select count(*) from dibao_case_person p where p.case_id = o.id)), 0)
    from old_rows o group by o.township_code, o.status, coalesce(o.start_month, '')
    on conflict (township_code, status, start_month) do update
        set cases = f.cases + excluded.cases, people = f.people + excluded.people
    $q$;
    delete from figures_case_status where cases = 0;
    execute 'delete from figures_unpaid_case where case_id in (select id from old_rows)';
    return null;
end $$;

-- Only the cases whose township, status or start month changed (most updates of a case change none of them).
create or replace function figures_case_updated() returns trigger language plpgsql as $$
declare
    changed bigint[];
begin
    execute $q$
    select array(select n.id from new_rows n join old_rows o on o.id = n.id
        where n.township_code <> o.township_code or n.status <> o.status
           or n.start_month is distinct from o.start_month)
    $q$ into changed;
    if cardinality(changed) = 0 then
        return null;
    end if;
    -- each changed case leaves its old row (-1) and joins its new one (+1)
    execute $q$
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select d.township_code, d.status, d.start_month, sum(d.sign), coalesce(sum(d.sign * c.people), 0)
    from (select n.id, n.township_code as new_township, n.status as new_status, coalesce(n.start_month, '') as new_month,
                 o.township_code as old_township, o.status as old_status, coalesce(o.start_month, '') as old_month,
                 (select count(*) from dibao_case_person p where p.case_id = n.id) as people
          from new_rows n join old_rows o on o.id = n.id
          where n.township_code <> o.township_code or n.status <> o.status
             or n.start_month is distinct from o.start_month) c
    cross join lateral (values (c.new_township, c.new_status, c.new_month, 1),
                               (c.old_township, c.old_status, c.old_month, -1)) d(township_code, status, start_month, sign)
    group by d.township_code, d.status, d.start_month
    on conflict (township_code, status, start_month) do update
        set cases = f.cases + excluded.cases, people = f.people + excluded.people
    $q$;
    delete from figures_case_status where cases = 0;
    perform figures_unpaid_recomputed(changed);
    return null;
end $$;

create or replace function figures_case_person_inserted() returns trigger language plpgsql as $$
begin
    execute $q$
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select c.township_code, c.status, coalesce(c.start_month, ''), 0, count(*)
    from new_rows n join dibao_case c on c.id = n.case_id
    group by c.township_code, c.status, coalesce(c.start_month, '')
    on conflict (township_code, status, start_month) do update set people = f.people + excluded.people
    $q$;
    return null;
end $$;

create or replace function figures_case_person_deleted() returns trigger language plpgsql as $$
begin
    execute $q$
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select c.township_code, c.status, coalesce(c.start_month, ''), 0, -count(*)
    from old_rows o join dibao_case c on c.id = o.case_id
    group by c.township_code, c.status, coalesce(c.start_month, '')
    on conflict (township_code, status, start_month) do update set people = f.people + excluded.people
    $q$;
    return null;
end $$;

create or replace function figures_case_person_updated() returns trigger language plpgsql as $$
begin
    execute $q$
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select c.township_code, c.status, coalesce(c.start_month, ''), 0, sum(d.sign)
    from (select case_id, 1 as sign from new_rows union all select case_id, -1 from old_rows) d
    join dibao_case c on c.id = d.case_id
    group by c.township_code, c.status, coalesce(c.start_month, '')
    having sum(d.sign) <> 0
    on conflict (township_code, status, start_month) do update set people = f.people + excluded.people
    $q$;
    return null;
end $$;

create or replace function figures_unpaid_payment_inserted() returns trigger language plpgsql as $$
begin
    execute $q$delete from figures_unpaid_case where case_id in (select case_id from new_rows where status = 'ISSUED')$q$;
    return null;
end $$;

create or replace function figures_unpaid_payment_deleted() returns trigger language plpgsql as $$
declare
    cases bigint[];
begin
    execute $q$
    select array(select distinct case_id from old_rows where status = 'ISSUED' and case_id is not null)
    $q$ into cases;
    perform figures_unpaid_recomputed(cases);
    return null;
end $$;

create or replace function figures_unpaid_payment_updated() returns trigger language plpgsql as $$
declare
    cases bigint[];
begin
    execute $q$delete from figures_unpaid_case where case_id in (select case_id from new_rows where status = 'ISSUED')$q$;
    execute $q$
    select array(select distinct o.case_id from old_rows o join new_rows n on n.id = o.id
        where o.status = 'ISSUED' and o.case_id is not null
          and (n.status <> 'ISSUED' or n.case_id is distinct from o.case_id))
    $q$ into cases;
    perform figures_unpaid_recomputed(cases);
    return null;
end $$;
