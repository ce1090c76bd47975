-- The ledgers at a million households (docs/benchmarks.md, ledger pages at scale).
-- A township's households newest first (the clerk's first and later pages), a community's likewise.
create index household_township_id_idx on household (township_code, id);
create index household_community_id_idx on household (community_code, id);
-- a household's head (every ledger row) and its members, from one index
create index household_member_household_relation_idx on household_member (household_id, relation);
-- a household's latest case (the highest id), and the cases in a status with their households
create index dibao_case_household_id_idx on dibao_case (household_id, id);
create index dibao_case_status_household_idx on dibao_case (status, household_id);
-- the 低保 households and people paid per month and township (dashboard, yearly figures): read from the index alone
create index payment_month_township_idx on payment (benefit_month, township_code, case_id, people_count);
