package cn.minzheng.bureau.deadline;

import static cn.minzheng.bureau.deadline.StatutorySupervisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;

/** The steps of statutory-supervision.bpmn, called as ${statutorySupervisionSteps.…}; the rules are {@link StatutoryTimeLimits}'. */
@Component
public class StatutorySupervisionSteps {

    private final StatutoryTimeLimits limits;

    public StatutorySupervisionSteps(StatutoryTimeLimits limits) {
        this.limits = limits;
    }

    /** 督办超期事项 completed: the level above has looked into the late work and written what it ordered. */
    public void supervised(DelegateTask task) {
        limits.supervised(TIME_LIMIT_ID.require(task), SUPERVISION_COMMENT.get(task), Actor.of(task));
    }
}
