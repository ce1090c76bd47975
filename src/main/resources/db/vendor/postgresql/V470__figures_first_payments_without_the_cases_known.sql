-- A payment's insert reads dibao_case (for the imported flag) only for the cases that have no first payment yet, not
-- for every case paid. In a running month nearly every case paid has its first payment already: the trigger still
-- joined each of the month's payments with dibao_case, a hash of the whole table, only for the rows it then left
-- out (docs/benchmarks.md, "Monthly payroll"). Otherwise as V450.

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
                o.case_id is not null as known
            from new_rows n
            left join figures_dibao_case o on o.case_id = n.case_id
            where n.case_id is not null and (o.case_id is null or o.first_month > n.benefit_month)
            order by n.case_id, n.benefit_month),
        earlier as (
            update figures_dibao_case f
            set township_code = case when x.benefit_month < f.first_month then x.township_code else f.township_code end,
                people_count = case when x.benefit_month < f.first_month then x.people_count else f.people_count end,
                first_month = least(f.first_month, x.benefit_month)
            from firsts x where x.known and f.case_id = x.case_id)
        insert into figures_dibao_case (case_id, first_month, township_code, people_count, imported)
        select x.case_id, x.benefit_month, x.township_code, x.people_count, c.import_batch_id is not null
        from firsts x join dibao_case c on c.id = x.case_id where not x.known
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
