-- Each of these indexes is the first column(s) of a longer index on the same table, which serves every look-up it
-- served (V330's keyset indexes and V400's), so it only cost every insert and update of its table: the roster
-- import's commit, a 低保 application's registration and status changes, the payroll's enrolments. PostgreSQL only:
-- H2 keeps them, as it holds a foreign key's check on the first index that fits (household.township_code's on
-- household_township_idx) and refuses to drop it.
drop index household_township_idx;             -- household (township_code, id)
drop index household_member_household_idx;     -- household_member (household_id, relation)
drop index dibao_case_household_idx;           -- dibao_case (household_id, id)
drop index enrolment_program_status_idx;       -- enrolment (program_code, status, household_id)
