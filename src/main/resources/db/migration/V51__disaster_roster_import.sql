-- The disaster roster kind of the Excel import (受灾户名册): a batch belongs to one disaster, a staged
-- row keeps its normalised values as JSON (the 低保 columns of import_row stay empty), and a roster
-- entry names the import that brought it in.
alter table import_batch add column disaster_id bigint;
alter table import_row add column payload varchar(2000);
alter table relief_household add column import_batch_id bigint;
create index relief_household_import_batch_idx on relief_household (import_batch_id);
