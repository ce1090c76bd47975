-- A payment's insert keeps the first payments of the 低保 cases (figures_dibao_case) with a plain insert of the cases
-- that have none yet and an update of those paid now for an earlier month than their first, in one pass over the
-- inserted rows; until now every case went through INSERT … ON CONFLICT, whose speculative insertion costs about
-- 1.2 s more for the 180,000 cases of a payroll whose cases are all new (docs/benchmarks.md, "Monthly payroll").
-- A statement that inserts no payment of a case (特困供养, 高龄津贴, 优抚) no longer joins dibao_case at all.
--
-- Should another transaction write the first payment of one of the same cases meanwhile, the plain insert meets its
-- row (unique_violation, once the other commits): the block is rolled back and the cases are merged as before, by
-- INSERT … ON CONFLICT. The update keeps the earlier month whichever transaction wrote last (least()).

create or replace function figures_payment_inserted() returns trigger language plpgsql as $$
declare
    with_cases boolean;
begin
    execute $q$
    insert into figures_payment as f (payroll_id, township_code, benefit_month, status, with_case, payments, people, amount)
    select payroll_id, township_code, benefit_month, status, case_id is not null, count(*), sum(people_count),
        sum(amount - deducted_amount)
    from new_rows group by payroll_id, township_code, benefit_month, status, case_id is not null
    on conflict (payroll_id, township_code, benefit_month, status, with_case) do update
        set payments = f.payments + excluded.payments, people = f.people + excluded.people, amount = f.amount + excluded.amount
    $q$;
    execute $q$select exists (select 1 from new_rows where case_id is not null)$q$ into with_cases;
    if not with_cases then
        return null;
    end if;
    -- a case's first payment: the earlier month wins (one payment per case and month); a case whose first month is
    -- this one or earlier is left as it is
    begin
        execute $q$
        with firsts as (
            select distinct on (n.case_id) n.case_id, n.benefit_month, n.township_code, n.people_count,
                c.import_batch_id is not null as imported, o.case_id is not null as known
            from new_rows n join dibao_case c on c.id = n.case_id
            left join figures_dibao_case o on o.case_id = n.case_id
            where o.case_id is null or o.first_month > n.benefit_month
            order by n.case_id, n.benefit_month),
        earlier as (
            update figures_dibao_case f
            set township_code = case when x.benefit_month < f.first_month then x.township_code else f.township_code end,
                people_count = case when x.benefit_month < f.first_month then x.people_count else f.people_count end,
                first_month = least(f.first_month, x.benefit_month)
            from firsts x where x.known and f.case_id = x.case_id)
        insert into figures_dibao_case (case_id, first_month, township_code, people_count, imported)
        select case_id, benefit_month, township_code, people_count, imported from firsts where not known
        $q$;
    exception when unique_violation then
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
    end;
    return null;
end $$;
