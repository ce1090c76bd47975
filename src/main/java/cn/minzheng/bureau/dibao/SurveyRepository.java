package cn.minzheng.bureau.dibao;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.engine.EngineClock;

@Repository
public class SurveyRepository {

    private final JdbcClient jdbc;

    public SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long caseId, Survey survey, String surveyedBy) {
        insert(caseId, survey, surveyedBy, null);
    }

    /** A survey with its second investigator (the application's 入户调查), by name. */
    public void insert(long caseId, Survey survey, String surveyedBy, String secondInvestigator) {
        jdbc.sql("""
                insert into dibao_survey (case_id, assets_finding, income_finding, employment_finding,
                    utilities_monthly_verified, hidden_income_monthly, hidden_income_note, home_visit_done, conclusion,
                    surveyed_by, surveyed_at, second_investigator)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, survey.assetsFinding(), survey.incomeFinding(), survey.employmentFinding(),
                        survey.utilitiesMonthlyVerified(), survey.hiddenIncomeMonthly(), survey.hiddenIncomeNote(),
                        survey.homeVisitDone(), survey.conclusion(), surveyedBy, Timestamp.from(EngineClock.instant()),
                        secondInvestigator)
                .update();
    }

    /** Every survey of a case, newest first. */
    public List<Survey> forCase(long caseId) {
        return jdbc.sql("""
                select assets_finding, income_finding, employment_finding, utilities_monthly_verified,
                       hidden_income_monthly, hidden_income_note, home_visit_done, conclusion
                from dibao_survey where case_id = ? order by id desc""")
                .param(caseId)
                .query(RecordRows.of(Survey.class))
                .list();
    }

    /** The latest survey of a case: after an objection the case is surveyed again. */
    public Optional<Survey> latest(long caseId) {
        return jdbc.sql("""
                select assets_finding, income_finding, employment_finding, utilities_monthly_verified,
                       hidden_income_monthly, hidden_income_note, home_visit_done, conclusion
                from dibao_survey where case_id = ? order by id desc""")
                .param(caseId)
                .query(RecordRows.of(Survey.class))
                .list().stream()
                .findFirst();
    }
}
