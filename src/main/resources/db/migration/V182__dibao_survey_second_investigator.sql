-- 入户调查 by at least two named investigators (docs/dibao-rules.md): the surveyor is surveyed_by, the second
-- investigator (often a village or community worker without an account) is named here. Null on surveys of
-- re-investigations and on surveys recorded before this rule.
alter table dibao_survey add column second_investigator varchar(30);
