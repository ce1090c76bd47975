package cn.minzheng.bureau.dibao.deadline;

import static cn.minzheng.bureau.dibao.deadline.SupervisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The steps of dibao-supervision.bpmn, called as ${supervisionSteps.…}; the rules are {@link TimeLimitService}'s. */
@Component
public class SupervisionSteps {

    private final TimeLimitService timeLimits;

    public SupervisionSteps(TimeLimitService timeLimits) {
        this.timeLimits = timeLimits;
    }

    /** 督办超期案件 completed: the level above has looked into the late case and written what it ordered. */
    public void supervised(DelegateTask task) {
        timeLimits.supervised(TIME_LIMIT_ID.require(task), SUPERVISION_COMMENT.get(task));
    }
}
