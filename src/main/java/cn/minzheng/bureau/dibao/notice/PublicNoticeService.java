package cn.minzheng.bureau.dibao.notice;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;

/**
 * An objection submitted on the public notice page takes the 公示 step's own objection path: the notice task is
 * completed with the objector and the content, as the clerk registers an objection received at the counter, so
 * the same checks run and the case goes back to the household survey.
 */
@Service
public class PublicNoticeService {

    /** Who completes the notice task for an online objection (recorded as the decision's actor). */
    public static final String ONLINE_ACTOR = "public-notice";

    private final DibaoCaseRepository cases;
    private final TaskService taskService;

    public PublicNoticeService(DibaoCaseRepository cases, TaskService taskService) {
        this.cases = cases;
        this.taskService = taskService;
    }

    public record Objection(String name, String contact, String content) {
    }

    /** Registers the objection against a case of the township now in notice; refused in Chinese otherwise. */
    public DibaoCase object(String townshipCode, Long caseId, Objection objection) {
        String name = TextRules.required(objection.name(), "异议人姓名", 20);
        String contact = TextRules.required(objection.contact(), "联系方式", 20);
        String content = TextRules.required(objection.content(), "异议内容", 1000);
        if (caseId == null) {
            throw new RuleViolation("MISSING_FIELD", "请选择对哪一户公示对象提出异议");
        }
        DibaoCase dibaoCase = cases.find(caseId)
                .filter(c -> c.townshipCode().equals(townshipCode) && c.status() == CaseStatus.IN_NOTICE)
                .orElseThrow(() -> new RuleViolation("NOTICE_ENDED", "该户不在公示期内，无法在线提出异议", 409));
        Task task = taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId())
                .taskDefinitionKey(DibaoApplicationProcess.TASK_PUBLIC_NOTICE).singleResult();
        if (task == null) {
            throw new RuleViolation("NOTICE_ENDED", "该户不在公示期内，无法在线提出异议", 409);
        }
        taskService.setAssignee(task.getId(), ONLINE_ACTOR);
        taskService.complete(task.getId(), Map.of(
                DibaoApplicationProcess.OBJECTION_SOURCE.name(), "网上异议 " + name + "（" + contact + "）",
                DibaoApplicationProcess.OBJECTION_CONTENT.name(), content));
        return dibaoCase;
    }
}
