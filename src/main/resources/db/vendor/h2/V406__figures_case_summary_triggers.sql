-- Keeps V405's summaries of the 低保 cases current on H2, row by row, in the statement that changes a case, a case's
-- person or a payment (the class: dibao/figures/CaseFiguresTrigger). PostgreSQL's statement-level triggers:
-- db/vendor/postgresql/V406.
create trigger dibao_case_figures_inserted after insert on dibao_case for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger dibao_case_figures_updated after update on dibao_case for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger dibao_case_figures_deleted after delete on dibao_case for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger dibao_case_person_figures_inserted after insert on dibao_case_person for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger dibao_case_person_figures_updated after update on dibao_case_person for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger dibao_case_person_figures_deleted after delete on dibao_case_person for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger payment_unpaid_inserted after insert on payment for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger payment_unpaid_updated after update on payment for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
create trigger payment_unpaid_deleted after delete on payment for each row call 'cn.minzheng.bureau.dibao.figures.CaseFiguresTrigger';
