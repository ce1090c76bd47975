package cn.minzheng.bureau.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.appeal.AppealProcess;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.recovery.RecoveryProcess;
import cn.minzheng.bureau.dibao.report.ReportProcess;
import cn.minzheng.bureau.dibao.review.ReviewProcess;

/**
 * The Chinese name of the step a 低保 decision was taken in, as its diagram names the task: a decision
 * records the task id ({@code Task_AcceptApplication} → 受理申请), prefixed with the process for the
 * processes that follow an application ({@code review:Task_ReviewByTownship} → 乡镇（街道）审核复核结论).
 * Read from the latest deployed diagram and kept; an unknown step is shown as recorded. A step of a given process
 * version (the dashboard's open applications) is named from that version's diagram.
 */
@Component
public class StepNames {

    private static final Map<String, String> PROCESS_OF_PREFIX = Map.of(
            "review", ReviewProcess.KEY,
            "appeal", AppealProcess.KEY,
            "report", ReportProcess.KEY,
            "recovery", RecoveryProcess.KEY);

    private final RepositoryService repositoryService;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public StepNames(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    public String of(String step) {
        if (step == null || step.isBlank()) {
            return "";
        }
        return names.computeIfAbsent(step, this::lookUp);
    }

    private String lookUp(String step) {
        int colon = step.indexOf(':');
        String processKey = colon < 0 ? DibaoApplicationProcess.KEY : PROCESS_OF_PREFIX.get(step.substring(0, colon));
        String taskId = step.substring(colon + 1);
        if (processKey == null) {
            return step;
        }
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().list().stream().findFirst().orElse(null);
        if (definition == null) {
            return step;
        }
        return nameIn(definition.getId(), taskId, step);
    }

    /** The name of a step of a deployed process version, as its diagram names it (kept); its id where it has none. */
    public String of(String processDefinitionId, String activityId) {
        return names.computeIfAbsent(processDefinitionId + "#" + activityId,
                key -> nameIn(processDefinitionId, activityId, activityId));
    }

    private String nameIn(String processDefinitionId, String elementId, String unnamed) {
        ModelElementInstance element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId);
        return element instanceof FlowElement step && step.getName() != null && !step.getName().isBlank()
                ? step.getName().replace('\n', ' ').trim() : unnamed;
    }
}
