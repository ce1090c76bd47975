-- 审核确认办法: the household survey starts within 3 working days of acceptance (limit SURVEY_START).
alter table dibao_time_limit drop constraint dibao_time_limit_kind_check;
alter table dibao_time_limit add constraint dibao_time_limit_kind_check
    check (limit_kind in ('DECISION', 'REFUSAL_NOTICE', 'PROCEDURE', 'SURVEY_START'));
