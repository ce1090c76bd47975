package cn.minzheng.bureau.dibao.review;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.EngineClock;

/**
 * The steps of dibao-review-schedule.bpmn, called as ${reviewScheduleSteps.…}. Its timer start event reads its
 * cycle from {@link ReviewSettings} when the process is deployed, before the engine is up: from a bean
 * that needs nothing of the engine.
 */
@Component
public class ReviewScheduleSteps {

    private final ReviewScheduler scheduler;

    public ReviewScheduleSteps(ReviewScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** 发起到期复核, after the gradual exits that ended are cancelled (渐退期满停保). */
    public int startDue() {
        scheduler.endGradualExits(java.time.YearMonth.from(EngineClock.today()));
        return scheduler.startDue();
    }
}
