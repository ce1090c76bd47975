package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;

/** 公示期异议登记 completed: an objection was raised; the case goes back to the household survey. */
@Component("publicNoticeListener")
public class PublicNoticeListener implements TaskListener {

    private final DibaoCaseRepository cases;

    public PublicNoticeListener(DibaoCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String source = input.text("objectionSource", "异议人", 50);
        String content = input.text("objectionContent", "异议内容", 1000);
        long caseId = ((Number) task.getVariable(VAR_CASE_ID)).longValue();
        cases.recordDecision(caseId, TASK_PUBLIC_NOTICE, "OBJECTION", source + "：" + content, Actor.of(task));
    }
}
