-- Two indexes of payment that cost every payment written and every status change (the payroll's insert, its issue,
-- a bank return) more than they served. PostgreSQL only, as V490: H2 has no partial index and keeps both.
--
-- payment_benefit_month_idx (benefit_month): payment_month_payroll_household_idx (V390) begins with the month and
-- serves every look-up by month.
drop index payment_benefit_month_idx;

-- payment_status_idx (status): the one look-up by status alone is of the failed payments, which the next payroll
-- re-issues (PayrollComputation.reissueFailedPayments: status = 'FAILED' and an earlier month). A partial index
-- holds just those few rows; a new payment (PENDING) and its issue (ISSUED) never enter it. Look-ups by payroll
-- and status keep payment_payroll_status_idx.
create index payment_failed_idx on payment (benefit_month) where status = 'FAILED';
drop index payment_status_idx;
