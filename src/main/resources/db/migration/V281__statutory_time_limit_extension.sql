-- The extension of a statutory time limit, once, before it runs out, by the level that may grant it (行政许可法第四十二条:
-- 20 working days extended by 10 with the approval of the head of the authority's unit). working_days and due_at then
-- hold the extended limit; who, when and why are kept here. Only deadline/StatutoryTimeLimitRepository writes them.
alter table statutory_time_limit add column extended_by varchar(64);
alter table statutory_time_limit add column extended_at timestamp;
alter table statutory_time_limit add column extension_reason varchar(500);
