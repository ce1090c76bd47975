-- Keeps V500's households paid current on H2, row by row, in the statement that changes a payment (the class:
-- payroll/PaymentHouseholdFiguresTrigger), beside V391's triggers. PostgreSQL's statement-level triggers:
-- db/vendor/postgresql/V501.
create trigger payment_households_inserted after insert on payment for each row call 'cn.minzheng.bureau.payroll.PaymentHouseholdFiguresTrigger';
create trigger payment_households_updated after update on payment for each row call 'cn.minzheng.bureau.payroll.PaymentHouseholdFiguresTrigger';
create trigger payment_households_deleted after delete on payment for each row call 'cn.minzheng.bureau.payroll.PaymentHouseholdFiguresTrigger';
