package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.VAR_CASE_ID;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.VAR_RECORDED_SURVEY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.ProcessVariables;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.Survey;
import cn.minzheng.bureau.dibao.SurveyRepository;

/** 入户调查 completed: the five checks are stored; a household filed as a staff relative (备案) must be visited. */
@Component("surveyHouseholdListener")
public class SurveyHouseholdListener implements TaskListener {

    private final SurveyRepository surveys;

    public SurveyHouseholdListener(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        Survey survey = new Survey(
                input.text("assetsFinding", "一看家底", 1000),
                input.text("incomeFinding", "二问收入", 1000),
                input.text("employmentFinding", "三查就业情况", 1000),
                input.amount("utilitiesMonthlyVerified", "四核水电气暖开支"),
                input.amount("hiddenIncomeMonthly", "五了解隐性收入"),
                input.optionalText("hiddenIncomeNote", "隐性收入说明", 500),
                input.flag("homeVisitDone"),
                input.text("surveyConclusion", "调查结论", 1000));
        if (input.flag("relatedToStaff") && !survey.homeVisitDone()) {
            throw new RuleViolation("HOME_VISIT_REQUIRED", "该申请为干部近亲属备案案件，必须入户走访核查后才能提交调查结果");
        }
        long caseId = ((Number) task.getVariable(VAR_CASE_ID)).longValue();
        surveys.insert(caseId, survey, Actor.of(task));
        task.setVariable("surveySummary", survey.summary());
        // the calculation that follows in this transaction takes it from here instead of reading it back
        ProcessVariables.processScope(task).setVariable(VAR_RECORDED_SURVEY, Variables.objectValue(survey, true).create());
    }
}
