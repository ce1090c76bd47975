-- The register of affected households tells the degree of a house's damage (倒塌 / 严重损坏 / 一般损坏 / 无) and the
-- rooms damaged, as the national 核报 counts collapsed, severely and generally damaged houses in households and rooms.
-- Existing rows keep what they said: 'DAMAGED' (损坏, degree not recorded) stays so and is shown as 程度未登记;
-- its rooms were never asked (0 = not recorded). A collapsed house keeps its collapsed rooms.
alter table relief_household add column damaged_rooms integer not null default 0;
update relief_household set damaged_rooms = collapsed_rooms;
alter table relief_household drop constraint relief_household_numbers_check;
alter table relief_household drop column collapsed_rooms;
alter table relief_household add constraint relief_household_numbers_check check (persons > 0 and crop_loss_mu >= 0
    and damaged_rooms >= 0 and deaths >= 0 and winter_relief_persons >= 0 and need_amount >= 0
    and (allocated_amount is null or allocated_amount >= 0));
-- New entries name a degree and at least a room; 'DAMAGED' is only what rows from before said.
alter table relief_household add constraint relief_household_damage_check check (
    house_damage in ('NONE', 'GENERAL', 'SEVERE', 'COLLAPSED', 'DAMAGED')
    and (house_damage <> 'NONE' or damaged_rooms = 0));
