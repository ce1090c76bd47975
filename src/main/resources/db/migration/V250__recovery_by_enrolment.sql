-- 多发追回 by enrolment: a recovery names the enrolment whose payments were overpaid; for 低保 also its case (the
-- case's deductions, decisions and audit stay as they were). A recovery of another program's enrolment (高龄津贴,
-- 特困供养, 优抚: payments issued for months after the recipient's death) has no 低保 case. Existing recoveries get
-- the enrolment of their case (V60 mirrored every 低保 case into one enrolment, unique per program and case).
alter table overpayment_recovery alter column case_id drop not null;
alter table overpayment_recovery add column enrolment_id bigint references enrolment (id);
update overpayment_recovery set enrolment_id = (select e.id from enrolment e
    where e.program_code = 'DIBAO' and e.program_case_id = overpayment_recovery.case_id);
alter table overpayment_recovery add constraint overpayment_recovery_subject_check
    check (case_id is not null or enrolment_id is not null);
-- one open recovery per enrolment without a 低保 case, as open_case_id keeps one per case
alter table overpayment_recovery add column open_enrolment_id bigint;
create unique index overpayment_recovery_open_enrolment_uk on overpayment_recovery (open_enrolment_id);
create index overpayment_recovery_enrolment_idx on overpayment_recovery (enrolment_id);
