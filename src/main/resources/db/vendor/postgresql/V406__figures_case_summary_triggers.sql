-- Keeps V405's summaries of the 低保 cases current on PostgreSQL: statement-level triggers with transition tables on
-- dibao_case, dibao_case_person and payment, in the statement that changes them (the style of V391). The same on H2:
-- db/vendor/h2/V406 (dibao/figures/CaseFiguresTrigger, row by row).

-- Recomputes whether these cases are approved, started and not yet paid by an issued payment.
create function figures_unpaid_recomputed(cases bigint[]) returns void language plpgsql as $$
begin
    if cardinality(cases) = 0 then
        return;
    end if;
    delete from figures_unpaid_case where case_id = any (cases);
    insert into figures_unpaid_case (case_id, township_code, start_month)
    select c.id, c.township_code, c.start_month from dibao_case c
    where c.id = any (cases) and c.status = 'APPROVED' and c.start_month is not null
      and not exists (select 1 from payment p where p.case_id = c.id and p.status = 'ISSUED');
end $$;

create function figures_case_inserted() returns trigger language plpgsql as $$
begin
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select n.township_code, n.status, coalesce(n.start_month, ''), count(*),
        coalesce(sum((select count(*) from dibao_case_person p where p.case_id = n.id)), 0)
    from new_rows n group by n.township_code, n.status, coalesce(n.start_month, '')
    on conflict (township_code, status, start_month) do update
        set cases = f.cases + excluded.cases, people = f.people + excluded.people;
    perform figures_unpaid_recomputed(array(select id from new_rows where status = 'APPROVED' and start_month is not null));
    return null;
end $$;

create function figures_case_deleted() returns trigger language plpgsql as $$
begin
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select o.township_code, o.status, coalesce(o.start_month, ''), -count(*),
        -coalesce(sum((select count(*) from dibao_case_person p where p.case_id = o.id)), 0)
    from old_rows o group by o.township_code, o.status, coalesce(o.start_month, '')
    on conflict (township_code, status, start_month) do update
        set cases = f.cases + excluded.cases, people = f.people + excluded.people;
    delete from figures_case_status where cases = 0;
    delete from figures_unpaid_case where case_id in (select id from old_rows);
    return null;
end $$;

-- Only the cases whose township, status or start month changed (most updates of a case change none of them).
create function figures_case_updated() returns trigger language plpgsql as $$
declare
    changed bigint[];
begin
    changed := array(select n.id from new_rows n join old_rows o on o.id = n.id
        where n.township_code <> o.township_code or n.status <> o.status
           or n.start_month is distinct from o.start_month);
    if cardinality(changed) = 0 then
        return null;
    end if;
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select d.township_code, d.status, d.start_month, sum(d.sign),
        coalesce(sum(d.sign * (select count(*) from dibao_case_person p where p.case_id = d.id)), 0)
    from (select id, township_code, status, coalesce(start_month, '') as start_month, 1 as sign
          from new_rows where id = any (changed)
          union all
          select id, township_code, status, coalesce(start_month, ''), -1 from old_rows where id = any (changed)) d
    group by d.township_code, d.status, d.start_month
    on conflict (township_code, status, start_month) do update
        set cases = f.cases + excluded.cases, people = f.people + excluded.people;
    delete from figures_case_status where cases = 0;
    perform figures_unpaid_recomputed(changed);
    return null;
end $$;

create trigger dibao_case_figures_inserted after insert on dibao_case
    referencing new table as new_rows for each statement execute function figures_case_inserted();
create trigger dibao_case_figures_deleted after delete on dibao_case
    referencing old table as old_rows for each statement execute function figures_case_deleted();
create trigger dibao_case_figures_updated after update on dibao_case
    referencing old table as old_rows new table as new_rows for each statement execute function figures_case_updated();

-- A case's people, added to or taken from its case's row as the case is now.
create function figures_case_person_inserted() returns trigger language plpgsql as $$
begin
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select c.township_code, c.status, coalesce(c.start_month, ''), 0, count(*)
    from new_rows n join dibao_case c on c.id = n.case_id
    group by c.township_code, c.status, coalesce(c.start_month, '')
    on conflict (township_code, status, start_month) do update set people = f.people + excluded.people;
    return null;
end $$;

create function figures_case_person_deleted() returns trigger language plpgsql as $$
begin
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select c.township_code, c.status, coalesce(c.start_month, ''), 0, -count(*)
    from old_rows o join dibao_case c on c.id = o.case_id
    group by c.township_code, c.status, coalesce(c.start_month, '')
    on conflict (township_code, status, start_month) do update set people = f.people + excluded.people;
    return null;
end $$;

-- A person moved to another case (ID number or open_id_number changes leave the counts as they are).
create function figures_case_person_updated() returns trigger language plpgsql as $$
begin
    insert into figures_case_status as f (township_code, status, start_month, cases, people)
    select c.township_code, c.status, coalesce(c.start_month, ''), 0, sum(d.sign)
    from (select case_id, 1 as sign from new_rows union all select case_id, -1 from old_rows) d
    join dibao_case c on c.id = d.case_id
    group by c.township_code, c.status, coalesce(c.start_month, '')
    having sum(d.sign) <> 0
    on conflict (township_code, status, start_month) do update set people = f.people + excluded.people;
    return null;
end $$;

create trigger dibao_case_person_figures_inserted after insert on dibao_case_person
    referencing new table as new_rows for each statement execute function figures_case_person_inserted();
create trigger dibao_case_person_figures_deleted after delete on dibao_case_person
    referencing old table as old_rows for each statement execute function figures_case_person_deleted();
create trigger dibao_case_person_figures_updated after update on dibao_case_person
    referencing old table as old_rows new table as new_rows for each statement execute function figures_case_person_updated();

-- Payments: an issued payment takes its case out of figures_unpaid_case; a payment that stops being issued (the bank's
-- return, a re-issue moving it, a delete) puts its case back if no other issued payment pays it.
create function figures_unpaid_payment_inserted() returns trigger language plpgsql as $$
begin
    delete from figures_unpaid_case where case_id in (select case_id from new_rows where status = 'ISSUED');
    return null;
end $$;

create function figures_unpaid_payment_deleted() returns trigger language plpgsql as $$
begin
    perform figures_unpaid_recomputed(array(select distinct case_id from old_rows
        where status = 'ISSUED' and case_id is not null));
    return null;
end $$;

create function figures_unpaid_payment_updated() returns trigger language plpgsql as $$
begin
    delete from figures_unpaid_case where case_id in (select case_id from new_rows where status = 'ISSUED');
    perform figures_unpaid_recomputed(array(select distinct o.case_id from old_rows o join new_rows n on n.id = o.id
        where o.status = 'ISSUED' and o.case_id is not null
          and (n.status <> 'ISSUED' or n.case_id is distinct from o.case_id)));
    return null;
end $$;

create trigger payment_unpaid_inserted after insert on payment
    referencing new table as new_rows for each statement execute function figures_unpaid_payment_inserted();
create trigger payment_unpaid_deleted after delete on payment
    referencing old table as old_rows for each statement execute function figures_unpaid_payment_deleted();
create trigger payment_unpaid_updated after update on payment
    referencing old table as old_rows new table as new_rows for each statement execute function figures_unpaid_payment_updated();
