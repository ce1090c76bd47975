-- Keeps V430's summaries of the enrolments current on PostgreSQL: statement-level triggers with transition tables on
-- enrolment and household_member, in the statement that changes them (the style of V391 / V406). The same on H2:
-- db/vendor/h2/V431 (program/EnrolmentFiguresTrigger, row by row).
--
-- Each statement that reads a transition table runs by EXECUTE, planned for the rows at hand (V407,
-- architecture/TransitionTablesTest).
--
-- Every change recomputes the rows of the households it touches: their old rows are taken from figures_enrolment,
-- deleted, computed afresh from their enrolments (figures_enrolment_household_afresh) and added back. A household has
-- a few enrolments, so a statement costs a few grouped statements over the households it wrote.

create function figures_enrolment_recomputed(touched bigint[]) returns void language plpgsql as $$
begin
    if cardinality(touched) = 0 then
        return;
    end if;
    insert into figures_enrolment as f (program_code, township_code, figure, period, enrolments, households, people,
        amount, suspended, applied)
    select d.program_code, d.township_code, d.figure, d.period, sum(d.enrolments), sum(d.households), sum(d.people),
        sum(d.amount), sum(d.suspended), sum(d.applied)
    from (select program_code, township_code, figure, period, -enrolments as enrolments, -households as households,
              -people as people, -amount as amount, -suspended as suspended, -applied as applied
          from figures_enrolment_household where household_id = any (touched)
          union all
          select program_code, township_code, figure, period, enrolments, households, people, amount, suspended, applied
          from figures_enrolment_household_afresh where household_id = any (touched)) d
    group by d.program_code, d.township_code, d.figure, d.period
    on conflict (figure, period, program_code, township_code) do update
        set enrolments = f.enrolments + excluded.enrolments, households = f.households + excluded.households,
            people = f.people + excluded.people, amount = f.amount + excluded.amount,
            suspended = f.suspended + excluded.suspended, applied = f.applied + excluded.applied;
    delete from figures_enrolment where enrolments = 0;
    delete from figures_enrolment_household where household_id = any (touched);
    insert into figures_enrolment_household (program_code, household_id, figure, period, township_code, enrolments,
        households, people, amount, suspended, applied)
    select program_code, household_id, figure, period, township_code, enrolments, households, people, amount,
        suspended, applied
    from figures_enrolment_household_afresh where household_id = any (touched);
end $$;

create function figures_enrolment_inserted() returns trigger language plpgsql as $$
declare
    touched bigint[];
begin
    execute $q$select array(select distinct household_id from new_rows where program_code <> 'DIBAO')$q$ into touched;
    perform figures_enrolment_recomputed(touched);
    return null;
end $$;

create function figures_enrolment_deleted() returns trigger language plpgsql as $$
declare
    touched bigint[];
begin
    execute $q$select array(select distinct household_id from old_rows where program_code <> 'DIBAO')$q$ into touched;
    perform figures_enrolment_recomputed(touched);
    return null;
end $$;

-- Only the enrolments whose program, household, person, township, status, amount or months changed (an update of the
-- calculation or the time stamps changes no figure): the rows of new_rows not in old_rows and the other way round, with
-- those columns (a set difference, hashed: a join of the two transition tables, which have no index, may be planned as
-- a nested loop, quadratic in the rows of the statement).
create function figures_enrolment_updated() returns trigger language plpgsql as $$
declare
    touched bigint[];
begin
    execute $q$select array(
        select distinct household_id from (
            (select id, program_code, household_id, person_id_number, township_code, status, amount, start_month, end_month
             from new_rows
             except
             select id, program_code, household_id, person_id_number, township_code, status, amount, start_month, end_month
             from old_rows)
            union all
            (select id, program_code, household_id, person_id_number, township_code, status, amount, start_month, end_month
             from old_rows
             except
             select id, program_code, household_id, person_id_number, township_code, status, amount, start_month, end_month
             from new_rows)) changed
        where program_code <> 'DIBAO')$q$ into touched;
    perform figures_enrolment_recomputed(touched);
    return null;
end $$;

create trigger enrolment_figures_inserted after insert on enrolment
    referencing new table as new_rows for each statement execute function figures_enrolment_inserted();
create trigger enrolment_figures_deleted after delete on enrolment
    referencing old table as old_rows for each statement execute function figures_enrolment_deleted();
create trigger enrolment_figures_updated after update on enrolment
    referencing old table as old_rows new table as new_rows for each statement execute function figures_enrolment_updated();

-- A household's members: the people of its household's enrolments (a person's enrolment counts one whatever the
-- members), recomputed for the households whose members were added, removed or moved to another household.
create function figures_enrolment_member_households(touched bigint[]) returns void language plpgsql as $$
begin
    perform figures_enrolment_recomputed(array(
        select distinct e.household_id from enrolment e
        where e.household_id = any (touched) and e.program_code <> 'DIBAO' and e.person_id_number is null));
end $$;

create function figures_enrolment_member_inserted() returns trigger language plpgsql as $$
declare
    touched bigint[];
begin
    execute $q$select array(select distinct household_id from new_rows)$q$ into touched;
    perform figures_enrolment_member_households(touched);
    return null;
end $$;

create function figures_enrolment_member_deleted() returns trigger language plpgsql as $$
declare
    touched bigint[];
begin
    execute $q$select array(select distinct household_id from old_rows)$q$ into touched;
    perform figures_enrolment_member_households(touched);
    return null;
end $$;

create function figures_enrolment_member_updated() returns trigger language plpgsql as $$
declare
    touched bigint[];
begin
    execute $q$select array(
        select distinct household_id from (
            (select id, household_id from new_rows except select id, household_id from old_rows)
            union all
            (select id, household_id from old_rows except select id, household_id from new_rows)) moved)$q$ into touched;
    perform figures_enrolment_member_households(touched);
    return null;
end $$;

create trigger household_member_figures_inserted after insert on household_member
    referencing new table as new_rows for each statement execute function figures_enrolment_member_inserted();
create trigger household_member_figures_deleted after delete on household_member
    referencing old table as old_rows for each statement execute function figures_enrolment_member_deleted();
create trigger household_member_figures_updated after update on household_member
    referencing old table as old_rows new table as new_rows for each statement execute function figures_enrolment_member_updated();
