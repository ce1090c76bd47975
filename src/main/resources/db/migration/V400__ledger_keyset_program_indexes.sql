-- The ledger's keyset pages (issue 29): a search by program and / or enrolment status reads the households newest
-- first from the cursor on. With these the database reads only the program's (or status's) enrolments in household
-- order, not every enrolment of the pages' households.
create index enrolment_program_household_idx on enrolment (program_code, household_id);
create index enrolment_program_status_household_idx on enrolment (program_code, status, household_id);
create index enrolment_status_household_idx on enrolment (status, household_id);
