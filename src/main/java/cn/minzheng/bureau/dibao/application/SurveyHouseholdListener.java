package cn.minzheng.bureau.dibao.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.HouseholdSurveys;

/**
 * ${surveyHouseholdListener.notify(task)}, still called by dibao-review.bpmn: the survey's five checks, now
 * {@link HouseholdSurveys#record}. Goes once that process calls its own steps, as the application, the appeal and
 * the report do.
 */
@Component
@Deprecated
public class SurveyHouseholdListener {

    private final HouseholdSurveys surveys;

    public SurveyHouseholdListener(HouseholdSurveys surveys) {
        this.surveys = surveys;
    }

    public void notify(DelegateTask task) {
        surveys.record(task);
    }
}
