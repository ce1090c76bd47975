-- The national indicators of each 初报 / 续报 / 核报 (自然灾害情况统计) as numbers; reports filed before this
-- version keep only their text (the columns stay empty).
alter table relief_report add column affected_people      integer;
alter table relief_report add column deaths               integer;
alter table relief_report add column missing_people       integer;
alter table relief_report add column relocated           integer;
alter table relief_report add column needing_assistance   integer;
alter table relief_report add column crop_affected_mu     numeric(14,2);
alter table relief_report add column crop_damaged_mu      numeric(14,2);
alter table relief_report add column crop_lost_mu         numeric(14,2);
alter table relief_report add column collapsed_households integer;
alter table relief_report add column collapsed_rooms      integer;
alter table relief_report add column severe_households    integer;
alter table relief_report add column severe_rooms         integer;
alter table relief_report add column general_households   integer;
alter table relief_report add column general_rooms        integer;
alter table relief_report add column direct_loss          numeric(14,2);
alter table relief_report add constraint relief_report_indicators_check check (
    affected_people >= 0 and deaths >= 0 and missing_people >= 0 and relocated >= 0 and needing_assistance >= 0
    and crop_lost_mu >= 0 and crop_lost_mu <= crop_damaged_mu and crop_damaged_mu <= crop_affected_mu
    and collapsed_rooms >= collapsed_households and severe_rooms >= severe_households
    and general_rooms >= general_households and collapsed_households >= 0 and severe_households >= 0
    and general_households >= 0 and direct_loss >= 0);
