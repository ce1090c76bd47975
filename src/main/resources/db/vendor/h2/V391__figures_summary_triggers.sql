-- Keeps V390's summaries current on H2, row by row, in the statement that changes a payment (the class:
-- payroll/PaymentFiguresTrigger). PostgreSQL's statement-level triggers: db/vendor/postgresql/V391.
create trigger payment_figures_inserted after insert on payment for each row call 'cn.minzheng.bureau.payroll.PaymentFiguresTrigger';
create trigger payment_figures_updated after update on payment for each row call 'cn.minzheng.bureau.payroll.PaymentFiguresTrigger';
create trigger payment_figures_deleted after delete on payment for each row call 'cn.minzheng.bureau.payroll.PaymentFiguresTrigger';
