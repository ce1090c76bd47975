-- Keeps V500's households paid current on PostgreSQL: statement-level triggers with transition tables, so a payroll's
-- hundreds of thousands of payments change the rows per household and their counts in one set-based statement, in
-- the same transaction. Triggers of their own beside V391's (which keep figures_payment): either may change without
-- the other. The same on H2: db/vendor/h2/V501 (payroll/PaymentHouseholdFiguresTrigger, row by row).
-- Payrolls are never deleted and never change program or month, so a payment's program and own month are read from
-- its payroll.

-- Adds the payments counted per program, benefit month, household and township (negative: taken away), each key once:
-- the rows per household take them, and a count changes where a row appears or goes, or its own payments do;
-- the district's count ('') where the household's rows over all its townships do.
create function figures_payment_households_added(added_programs varchar[], added_months varchar[],
        added_households bigint[], added_townships varchar[], added_payments bigint[], added_own_payments bigint[])
        returns void language plpgsql as $$
begin
    if coalesce(cardinality(added_programs), 0) = 0 then
        return;
    end if;
    with d as (
        select * from unnest(added_programs, added_months, added_households, added_townships, added_payments,
                added_own_payments)
            as d(program_code, benefit_month, household_id, township_code, payments, own_payments)
        where payments <> 0 or own_payments <> 0),
    per_township as (
        select d.*, coalesce(h.payments, 0) as was, coalesce(h.own_payments, 0) as was_own
        from d left join figures_payment_household h on h.program_code = d.program_code
            and h.benefit_month = d.benefit_month and h.household_id = d.household_id and h.township_code = d.township_code),
    per_household as (
        select k.program_code, k.benefit_month, k.payments, k.own_payments,
            coalesce(sum(h.payments), 0) as was, coalesce(sum(h.own_payments), 0) as was_own
        from (select program_code, benefit_month, household_id, sum(payments) as payments, sum(own_payments) as own_payments
              from d group by program_code, benefit_month, household_id) k
        left join figures_payment_household h on h.program_code = k.program_code and h.benefit_month = k.benefit_month
            and h.household_id = k.household_id
        group by k.program_code, k.benefit_month, k.household_id, k.payments, k.own_payments),
    changes as (
        select program_code, benefit_month, township_code,
            (was + payments > 0)::int - (was > 0)::int as households,
            (was_own + own_payments > 0)::int - (was_own > 0)::int as own_households
        from per_township
        union all
        select program_code, benefit_month, '',
            (was + payments > 0)::int - (was > 0)::int, (was_own + own_payments > 0)::int - (was_own > 0)::int
        from per_household),
    counted as (
        insert into figures_payment_household_count as c (program_code, benefit_month, township_code, households, own_households)
        select program_code, benefit_month, township_code, sum(households), sum(own_households) from changes
        group by program_code, benefit_month, township_code
        having sum(households) <> 0 or sum(own_households) <> 0
        on conflict (program_code, benefit_month, township_code) do update
            set households = c.households + excluded.households, own_households = c.own_households + excluded.own_households),
    kept as (
        insert into figures_payment_household as h (program_code, benefit_month, household_id, township_code, payments, own_payments)
        select program_code, benefit_month, household_id, township_code, was + payments, was_own + own_payments
        from per_township where was + payments > 0
        on conflict (program_code, benefit_month, household_id, township_code) do update
            set payments = excluded.payments, own_payments = excluded.own_payments)
    delete from figures_payment_household h using per_township t
    where h.program_code = t.program_code and h.benefit_month = t.benefit_month and h.household_id = t.household_id
        and h.township_code = t.township_code and t.was + t.payments <= 0;
    delete from figures_payment_household_count where households = 0 and own_households = 0;
end $$;

create function figures_payment_households_inserted() returns trigger language plpgsql as $$
begin
    execute $q$
    select figures_payment_households_added(array_agg(program_code), array_agg(benefit_month), array_agg(household_id),
        array_agg(township_code), array_agg(payments), array_agg(own_payments))
    from (select r.program_code, n.benefit_month, n.household_id, n.township_code, count(*) as payments,
              count(*) filter (where r.payroll_month = n.benefit_month) as own_payments
          from new_rows n join payroll r on r.id = n.payroll_id
          group by r.program_code, n.benefit_month, n.household_id, n.township_code) d
    $q$;
    return null;
end $$;

create function figures_payment_households_deleted() returns trigger language plpgsql as $$
begin
    execute $q$
    select figures_payment_households_added(array_agg(program_code), array_agg(benefit_month), array_agg(household_id),
        array_agg(township_code), array_agg(payments), array_agg(own_payments))
    from (select r.program_code, o.benefit_month, o.household_id, o.township_code, -count(*) as payments,
              -count(*) filter (where r.payroll_month = o.benefit_month) as own_payments
          from old_rows o join payroll r on r.id = o.payroll_id
          group by r.program_code, o.benefit_month, o.household_id, o.township_code) d
    $q$;
    return null;
end $$;

-- Only the payments whose payroll, benefit month, household or township changed (a set difference of the transition
-- tables: an issue or a bank return changes none of them and adds nothing).
create function figures_payment_households_updated() returns trigger language plpgsql as $$
begin
    execute $q$
    select figures_payment_households_added(array_agg(program_code), array_agg(benefit_month), array_agg(household_id),
        array_agg(township_code), array_agg(payments), array_agg(own_payments))
    from (select r.program_code, c.benefit_month, c.household_id, c.township_code, sum(c.sign) as payments,
              coalesce(sum(c.sign) filter (where r.payroll_month = c.benefit_month), 0) as own_payments
          from (select payroll_id, benefit_month, household_id, township_code, 1 as sign
                from (select id, payroll_id, benefit_month, household_id, township_code from new_rows
                      except select id, payroll_id, benefit_month, household_id, township_code from old_rows) n
                union all
                select payroll_id, benefit_month, household_id, township_code, -1
                from (select id, payroll_id, benefit_month, household_id, township_code from old_rows
                      except select id, payroll_id, benefit_month, household_id, township_code from new_rows) o) c
          join payroll r on r.id = c.payroll_id
          group by r.program_code, c.benefit_month, c.household_id, c.township_code) d
    $q$;
    return null;
end $$;

create trigger payment_households_inserted after insert on payment
    referencing new table as new_rows for each statement execute function figures_payment_households_inserted();
create trigger payment_households_deleted after delete on payment
    referencing old table as old_rows for each statement execute function figures_payment_households_deleted();
create trigger payment_households_updated after update on payment
    referencing old table as old_rows new table as new_rows for each statement execute function figures_payment_households_updated();
