-- Keeps V430's summaries of the enrolments current on H2, row by row, in the statement that changes an enrolment or a
-- household's member (the class: program/EnrolmentFiguresTrigger). PostgreSQL's statement-level triggers:
-- db/vendor/postgresql/V431.
create trigger enrolment_figures_inserted after insert on enrolment for each row call 'cn.minzheng.bureau.program.EnrolmentFiguresTrigger';
create trigger enrolment_figures_updated after update on enrolment for each row call 'cn.minzheng.bureau.program.EnrolmentFiguresTrigger';
create trigger enrolment_figures_deleted after delete on enrolment for each row call 'cn.minzheng.bureau.program.EnrolmentFiguresTrigger';
create trigger household_member_figures_inserted after insert on household_member for each row call 'cn.minzheng.bureau.program.EnrolmentFiguresTrigger';
create trigger household_member_figures_updated after update on household_member for each row call 'cn.minzheng.bureau.program.EnrolmentFiguresTrigger';
create trigger household_member_figures_deleted after delete on household_member for each row call 'cn.minzheng.bureau.program.EnrolmentFiguresTrigger';
