-- The 优抚 roster (kind YOUFU) stages a row's 优抚对象类别 by its code in import_row.category: the longest,
-- ILL_DISCHARGED_VETERAN and ILLNESS_DEATH_SURVIVOR, have 22 characters (the 低保 and 特困 codes fit 20).
alter table import_row alter column category set data type varchar(30);
