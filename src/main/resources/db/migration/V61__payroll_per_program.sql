-- One payment machinery for every program (docs/programs.md): a payroll per program and month, and payments
-- that reference the enrolment they pay. The 低保 payrolls and payments of before are the program DIBAO's.

alter table payroll add column program_code varchar(20) default 'DIBAO' not null;
alter table payroll add constraint payroll_program_fk foreign key (program_code) references program (code);
alter table payroll drop constraint payroll_month_uk;
alter table payroll add constraint payroll_program_month_uk unique (program_code, payroll_month);

-- enrolment_id: what is paid, once per benefit month (payment_enrolment_month_uk), for every program; like
-- payroll_id it is not checked by a foreign key (read from the enrolment row in the statement that inserts the
-- payment; enrolments are never deleted; V10 gives the cost of each check).
-- case_id: the 低保 case, kept for 低保's back pay, recoveries and appeals; null for other programs.
-- one_off_enrolment_id: set on the payment of a one-off grant (临时救助) only; unique, so a grant is paid once
-- whatever its month (NULLs never collide, on H2 and PostgreSQL alike).
alter table payment add column enrolment_id bigint;
update payment set enrolment_id =
    (select e.id from enrolment e where e.program_code = 'DIBAO' and e.program_case_id = payment.case_id);
alter table payment alter column enrolment_id set not null;
alter table payment alter column case_id drop not null;
alter table payment add constraint payment_enrolment_month_uk unique (enrolment_id, benefit_month);
alter table payment add column one_off_enrolment_id bigint;
alter table payment add constraint payment_one_off_uk unique (one_off_enrolment_id);
alter table payment add constraint payment_one_off_check check (one_off_enrolment_id is null or one_off_enrolment_id = enrolment_id);
