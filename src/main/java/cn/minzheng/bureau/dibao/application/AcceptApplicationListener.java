package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;

/** 受理申请 completed: accepted, or returned as incomplete with what is missing. */
@Component("acceptApplicationListener")
public class AcceptApplicationListener implements TaskListener {

    private final DibaoCaseRepository cases;

    public AcceptApplicationListener(DibaoCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_ACCEPT_DECISION, "受理决定（受理或退回补正）", List.of(ACCEPT, RETURN));
        String missing = RETURN.equals(decision) ? input.text(VAR_MISSING_DOCUMENTS, "需补正的材料", 500) : null;
        long caseId = ((Number) task.getVariable(VAR_CASE_ID)).longValue();
        cases.recordDecision(caseId, TASK_ACCEPT, decision, missing, Actor.of(task));
        if (RETURN.equals(decision)) {
            task.setVariable(VAR_REJECTION_REASON, "申请材料不全，请补正后重新申请：" + missing);
        }
    }
}
