-- Keeps V390's summaries current on PostgreSQL: statement-level triggers with transition tables, so a payroll's
-- hundreds of thousands of payments update the summaries in a few grouped statements, in the same transaction.
-- The same on H2: db/vendor/h2/V391 (payroll/PaymentFiguresTrigger, row by row).

create function figures_payment_inserted() returns trigger language plpgsql as $$
begin
    insert into figures_payment as f (payroll_id, township_code, benefit_month, status, with_case, payments, people, amount)
    select payroll_id, township_code, benefit_month, status, case_id is not null, count(*), sum(people_count),
        sum(amount - deducted_amount)
    from new_rows group by payroll_id, township_code, benefit_month, status, case_id is not null
    on conflict (payroll_id, township_code, benefit_month, status, with_case) do update
        set payments = f.payments + excluded.payments, people = f.people + excluded.people, amount = f.amount + excluded.amount;
    -- a case's first payment: the earlier month wins (one payment per case and month)
    insert into figures_dibao_case as f (case_id, first_month, township_code, people_count, imported)
    select distinct on (n.case_id) n.case_id, n.benefit_month, n.township_code, n.people_count, c.import_batch_id is not null
    from new_rows n join dibao_case c on c.id = n.case_id
    order by n.case_id, n.benefit_month
    on conflict (case_id) do update
        set township_code = case when excluded.first_month < f.first_month then excluded.township_code else f.township_code end,
            people_count = case when excluded.first_month < f.first_month then excluded.people_count else f.people_count end,
            first_month = least(f.first_month, excluded.first_month);
    return null;
end $$;

create function figures_payment_deleted() returns trigger language plpgsql as $$
begin
    insert into figures_payment as f (payroll_id, township_code, benefit_month, status, with_case, payments, people, amount)
    select payroll_id, township_code, benefit_month, status, case_id is not null, -count(*), -sum(people_count),
        -sum(amount - deducted_amount)
    from old_rows group by payroll_id, township_code, benefit_month, status, case_id is not null
    on conflict (payroll_id, township_code, benefit_month, status, with_case) do update
        set payments = f.payments + excluded.payments, people = f.people + excluded.people, amount = f.amount + excluded.amount;
    delete from figures_payment where payments = 0;
    perform figures_dibao_cases_recomputed(array(select distinct case_id from old_rows where case_id is not null));
    return null;
end $$;

create function figures_payment_updated() returns trigger language plpgsql as $$
begin
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
        set payments = f.payments + excluded.payments, people = f.people + excluded.people, amount = f.amount + excluded.amount;
    delete from figures_payment where payments = 0;
    -- a case's first payment changes only where a payment's case, month, township or people changed
    perform figures_dibao_cases_recomputed(array(
        select o.case_id from old_rows o join new_rows n on n.id = o.id
        where o.case_id is not null and (o.case_id is distinct from n.case_id or o.benefit_month <> n.benefit_month
            or o.township_code <> n.township_code or o.people_count <> n.people_count)
        union
        select n.case_id from old_rows o join new_rows n on n.id = o.id
        where n.case_id is not null and (o.case_id is distinct from n.case_id or o.benefit_month <> n.benefit_month
            or o.township_code <> n.township_code or o.people_count <> n.people_count)));
    return null;
end $$;

-- Recomputes the first payments of these cases from their payments as they are now.
create function figures_dibao_cases_recomputed(cases bigint[]) returns void language plpgsql as $$
begin
    if cardinality(cases) = 0 then
        return;
    end if;
    delete from figures_dibao_case where case_id = any (cases);
    insert into figures_dibao_case (case_id, first_month, township_code, people_count, imported)
    select distinct on (p.case_id) p.case_id, p.benefit_month, p.township_code, p.people_count, c.import_batch_id is not null
    from payment p join dibao_case c on c.id = p.case_id
    where p.case_id = any (cases)
    order by p.case_id, p.benefit_month;
end $$;

create trigger payment_figures_inserted after insert on payment
    referencing new table as new_rows for each statement execute function figures_payment_inserted();
create trigger payment_figures_deleted after delete on payment
    referencing old table as old_rows for each statement execute function figures_payment_deleted();
create trigger payment_figures_updated after update on payment
    referencing old table as old_rows new table as new_rows for each statement execute function figures_payment_updated();
