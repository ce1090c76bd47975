package cn.minzheng.bureau.dibao;

import static cn.minzheng.bureau.engine.ProcessVariable.copy;
import static cn.minzheng.bureau.engine.ProcessVariable.fact;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.ProcessVariables;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * 入户调查 and its five checks, as a survey task's form submits them: the application's survey, and the
 * re-investigations of appeals, reports and reviews, which each call {@link #record} from their own steps. A
 * household filed as a staff relative (备案) must be visited.
 */
@Component
public class HouseholdSurveys {

    public static final ProcessVariable<String> ASSETS_FINDING = fact("assetsFinding", String.class);
    public static final ProcessVariable<String> INCOME_FINDING = fact("incomeFinding", String.class);
    public static final ProcessVariable<String> EMPLOYMENT_FINDING = fact("employmentFinding", String.class);
    public static final ProcessVariable<BigDecimal> UTILITIES_MONTHLY_VERIFIED = fact("utilitiesMonthlyVerified", BigDecimal.class);
    public static final ProcessVariable<BigDecimal> HIDDEN_INCOME_MONTHLY = fact("hiddenIncomeMonthly", BigDecimal.class);
    public static final ProcessVariable<String> HIDDEN_INCOME_NOTE = fact("hiddenIncomeNote", String.class);
    public static final ProcessVariable<Boolean> HOME_VISIT_DONE = fact("homeVisitDone", Boolean.class);
    public static final ProcessVariable<String> SURVEY_CONCLUSION = fact("surveyConclusion", String.class);
    /** The survey as the forms after it show it; dibao_survey is the record. */
    public static final ProcessVariable<String> SURVEY_SUMMARY = copy("surveySummary", String.class);
    /** Transient: the survey just recorded, handed to the calculation that follows in the same transaction. */
    public static final ProcessVariable<Survey> RECORDED_SURVEY = fact("recordedSurvey", Survey.class);

    /** The form's inputs. */
    public static final List<ProcessVariable<?>> INPUTS = List.of(ASSETS_FINDING, INCOME_FINDING, EMPLOYMENT_FINDING,
            UTILITIES_MONTHLY_VERIFIED, HIDDEN_INCOME_MONTHLY, HIDDEN_INCOME_NOTE, HOME_VISIT_DONE, SURVEY_CONCLUSION);

    /** The inputs and what {@link #record} sets. */
    public static final List<ProcessVariable<?>> ALL = List.of(ASSETS_FINDING, INCOME_FINDING, EMPLOYMENT_FINDING,
            UTILITIES_MONTHLY_VERIFIED, HIDDEN_INCOME_MONTHLY, HIDDEN_INCOME_NOTE, HOME_VISIT_DONE, SURVEY_CONCLUSION,
            SURVEY_SUMMARY, RECORDED_SURVEY);

    private final SurveyRepository surveys;
    private final java.util.function.UnaryOperator<String> surveyorName;

    public HouseholdSurveys(SurveyRepository surveys, cn.minzheng.bureau.access.StaffNames staffNames) {
        this.surveys = surveys;
        this.surveyorName = staffNames::of;
    }

    /** A survey task completed: the five checks are validated and stored for the task's case. */
    public Survey record(DelegateTask task) {
        return record(task, null);
    }

    /**
     * As {@link #record(DelegateTask)}, by the task's actor and a second investigator named by the caller (who
     * has validated the name), or none; the summary names both.
     */
    public Survey record(DelegateTask task, String secondInvestigator) {
        TaskInput input = new TaskInput(task);
        Survey survey = read(input);
        if (input.flag(CaseVariables.RELATED_TO_STAFF.name()) && !survey.homeVisitDone()) {
            throw new RuleViolation("HOME_VISIT_REQUIRED", "该申请为干部近亲属备案案件，必须入户走访核查后才能提交调查结果");
        }
        surveys.insert(CaseVariables.caseId(task), survey, Actor.of(task), secondInvestigator);
        SURVEY_SUMMARY.set(task, survey.summary() + (secondInvestigator == null ? ""
                : "\n调查人：" + surveyorName.apply(Actor.of(task)) + "、" + secondInvestigator));
        // the calculation that follows in this transaction takes it from here instead of reading it back
        ProcessVariables.processScope(task).setVariable(RECORDED_SURVEY.name(), Variables.objectValue(survey, true).create());
        return survey;
    }

    private static Survey read(TaskInput input) {
        return new Survey(
                input.text(ASSETS_FINDING.name(), "一看家底", 1000),
                input.text(INCOME_FINDING.name(), "二问收入", 1000),
                input.text(EMPLOYMENT_FINDING.name(), "三查就业情况", 1000),
                input.amount(UTILITIES_MONTHLY_VERIFIED.name(), "四核水电气暖开支"),
                input.amount(HIDDEN_INCOME_MONTHLY.name(), "五了解隐性收入"),
                input.optionalText(HIDDEN_INCOME_NOTE.name(), "隐性收入说明", 500),
                input.flag(HOME_VISIT_DONE.name()),
                input.text(SURVEY_CONCLUSION.name(), "调查结论", 1000));
    }
}
