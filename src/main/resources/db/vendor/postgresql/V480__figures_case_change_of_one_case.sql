-- A 低保 case's status change (five or six in every application's life, each in its own statement) kept the case
-- summaries (V406, V407) by three statements planned afresh at each change, and recomputed the case's first payment
-- (figures_unpaid_case) even when the case was approved neither before nor after: about 0.7 ms of the update's 1.0 ms,
-- the costliest statement of an application's intake (docs/benchmarks.md, "1. Intake").
--
-- Now a change of one case, the usual kind, moves its count between the two summary rows by statements with
-- parameters, which PL/pgSQL plans once per connection, and deletes only the row it emptied; the first payment is
-- recomputed only for changes to or from APPROVED, the one status figures_unpaid_case holds. A statement that changes
-- several cases takes the set-wise path of V407, so its plans still follow the transition tables' row counts.

create or replace function figures_case_updated() returns trigger language plpgsql as $$
declare
    changed_count bigint;
    one_id bigint;
    new_township text; new_status text; new_month text;
    old_township text; old_status text; old_month text;
    approved_before_or_after boolean;
    case_people bigint;
    changed bigint[];
begin
    execute $q$
    select count(*), min(n.id), min(n.township_code), min(n.status), min(coalesce(n.start_month, '')),
        min(o.township_code), min(o.status), min(coalesce(o.start_month, '')), bool_or(n.status = 'APPROVED' or o.status = 'APPROVED')
    from new_rows n join old_rows o on o.id = n.id
    where n.township_code <> o.township_code or n.status <> o.status or n.start_month is distinct from o.start_month
    $q$ into changed_count, one_id, new_township, new_status, new_month, old_township, old_status, old_month, approved_before_or_after;
    if changed_count = 0 then
        return null;
    end if;
    -- one case (a step of its process): statements planned once per connection, on the case's own rows
    if changed_count = 1 then
        select count(*) into case_people from dibao_case_person p where p.case_id = one_id;
        insert into figures_case_status as f (township_code, status, start_month, cases, people)
        values (new_township, new_status, new_month, 1, case_people), (old_township, old_status, old_month, -1, -case_people)
        on conflict (township_code, status, start_month) do update
            set cases = f.cases + excluded.cases, people = f.people + excluded.people;
        delete from figures_case_status where township_code = old_township and status = old_status and start_month = old_month and cases = 0;
        if approved_before_or_after then
            perform figures_unpaid_recomputed(array[one_id]);
        end if;
        return null;
    end if;
    -- several cases in one statement (a township reorganised, a batch): planned for the rows at hand, as V407
    execute $q$
    select array(select n.id from new_rows n join old_rows o on o.id = n.id
        where n.township_code <> o.township_code or n.status <> o.status
           or n.start_month is distinct from o.start_month)
    $q$ into changed;
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
    if approved_before_or_after then
        perform figures_unpaid_recomputed(changed);
    end if;
    return null;
end $$;
