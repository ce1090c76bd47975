package cn.minzheng.bureau.engine;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.ExpressionTaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The task extension properties, applied by {@link TaskPropertiesPlugin} when the engine reads a process (written
 * against Camunda 7.24's parse listeners and task definitions): clearInputs on create, the four-eyes check before the
 * task's own listeners on assignment and on complete, the actor recorded after them.
 */
@SpringBootTest
class TaskPropertiesPluginTest {

    private static final String KEY = "task-properties-test";

    @Autowired
    ProcessEngine engine;

    RepositoryService repository;
    RuntimeService runtime;
    TaskService tasks;
    String deploymentId;

    @BeforeEach
    void deploy() {
        repository = engine.getRepositoryService();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        deploymentId = repository.createDeployment().name(KEY)
                .addString(KEY + ".bpmn", model("""
                        <camunda:property name="clearInputs" value="answer, comment" />
                        <camunda:property name="recordActor" value="firstBy" />""", "First", """
                        <camunda:taskListener event="complete" expression="${task.execution.setVariable('recordedBeforeModelled', task.execution.hasVariable('firstBy'))}" />""",
                        """
                        <camunda:property name="fourEyes" value="firstBy,relatedStaffUser" />""", "Second", """
                        <camunda:taskListener event="assignment" expression="${task.execution.setVariable('assignedTo', task.assignee)}" />
                        <camunda:taskListener event="complete" expression="${task.execution.setVariable('completedBy', task.assignee)}" />"""))
                .deploy().getId();
    }

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void theListenersGoBeforeOrAfterTheModelledOnes() {
        String definitionId = repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
        ProcessDefinitionEntity definition = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                .getDeployedProcessDefinition(definitionId);
        TaskDefinition first = ((UserTaskActivityBehavior) definition.findActivity("First").getActivityBehavior())
                .getTaskDefinition();
        TaskDefinition second = ((UserTaskActivityBehavior) definition.findActivity("Second").getActivityBehavior())
                .getTaskDefinition();

        assertThat(names(first, TaskListener.EVENTNAME_CREATE)).first().isEqualTo("ClearInputs");
        assertThat(names(first, TaskListener.EVENTNAME_COMPLETE)).startsWith("modelled", "FourEyes");
        for (String event : List.of(TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE)) {
            assertThat(names(second, event)).startsWith("FourEyes", "modelled");
            assertThat(second.getAllTaskListenersForEvent(event)).containsAll(second.getTaskListenersForEvent(event));
        }
    }

    /** The task's listeners for the event by origin: a modelled expression, or the class that made the listener. */
    private static List<String> names(TaskDefinition task, String event) {
        return task.getTaskListenersForEvent(event).stream().map(listener -> listener instanceof ExpressionTaskListener
                ? "modelled" : listener.getClass().getSimpleName().replaceAll("\\$.*", "")).toList();
    }

    @Test
    void inputsAreClearedAndTheActorIsRecordedAfterTheTasksOwnListeners() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, Map.of("answer", "上一轮的答复", "comment", "旧意见",
                "kept", "留着"));
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("answer", "comment").containsKey("kept");

        Task first = task(instance);
        tasks.setAssignee(first.getId(), "clerk.a");
        tasks.complete(first.getId(), Map.of("answer", "本轮答复"));

        assertThat(runtime.getVariables(instance.getId())).containsEntry("firstBy", "clerk.a")
                .containsEntry("recordedBeforeModelled", false).containsEntry("answer", "本轮答复");
    }

    @Test
    void theRecordedUserIsRefusedOnAssignmentBeforeTheTasksOwnListeners() {
        ProcessInstance instance = completeFirstAs("clerk.a");
        Task second = task(instance);

        assertThatThrownBy(() -> tasks.claim(second.getId(), "clerk.a")).satisfies(violation("四眼原则"));
        assertThat(task(instance).getAssignee()).isNull();

        tasks.claim(second.getId(), "clerk.b");
        assertThat(runtime.getVariable(instance.getId(), "assignedTo")).isEqualTo("clerk.b");
    }

    @Test
    void theRecordedUserIsRefusedOnCompletionWithoutAClaim() {
        ProcessInstance instance = completeFirstAs("clerk.a");
        Task second = task(instance);
        tasks.claim(second.getId(), "clerk.b");
        runtime.setVariable(instance.getId(), "relatedStaffUser", "clerk.b");

        assertThatThrownBy(() -> tasks.complete(second.getId())).satisfies(violation("回避"));
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKey("completedBy");

        runtime.removeVariable(instance.getId(), "relatedStaffUser");
        tasks.complete(second.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aClaimSeesAFactSetEarlierInTheSameCommand() {
        ProcessInstance instance = completeFirstAs("clerk.a");
        Task second = task(instance);
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
            runtime.setVariable(instance.getId(), "relatedStaffUser", "clerk.b");
            tasks.claim(second.getId(), "clerk.b");
            return null;
        })).satisfies(violation("回避"));
        assertThat(task(instance).getAssignee()).isNull();
    }

    @Test
    void aPropertyNothingAppliesFailsTheDeployment() {
        assertThatThrownBy(() -> repository.createDeployment().name(KEY + "-misspelt")
                .addString(KEY + "-misspelt.bpmn", model("""
                        <camunda:property name="fourEye" value="firstBy" />""", "First", "", "", "Second", "")
                        .replace(KEY, KEY + "-misspelt"))
                .deploy())
                .hasMessageContaining("fourEye").hasMessageContaining("First");
        assertThat(repository.createDeploymentQuery().deploymentName(KEY + "-misspelt").count()).isZero();
    }

    @Test
    void aVersionDeployedBeforeThePropertiesStillRuns() {
        String earlier = KEY + "-earlier";
        String deployment = repository.createDeployment().name(earlier)
                .addString(earlier + ".bpmn", model("", "First", """
                        <camunda:taskListener event="create" expression="${taskInputs.clear(task, 'answer')}" />
                        <camunda:taskListener event="complete" expression="${fourEyes.record(task, 'firstBy')}" />""",
                        "", "Second", """
                        <camunda:taskListener event="assignment" expression="${fourEyes.requireOtherThan(task, 'firstBy')}" />
                        <camunda:taskListener event="complete" expression="${fourEyes.requireOtherThan(task, 'firstBy')}" />""")
                        .replace(KEY, earlier))
                .deploy().getId();
        try {
            ProcessInstance instance = runtime.startProcessInstanceByKey(earlier, Map.of("answer", "上一轮的答复"));
            assertThat(runtime.getVariables(instance.getId())).doesNotContainKey("answer");
            Task first = task(instance);
            tasks.setAssignee(first.getId(), "clerk.a");
            tasks.complete(first.getId());
            assertThat(runtime.getVariable(instance.getId(), "firstBy")).isEqualTo("clerk.a");
            assertThatThrownBy(() -> tasks.claim(task(instance).getId(), "clerk.a")).satisfies(violation("四眼原则"));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private ProcessInstance completeFirstAs(String userId) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY);
        Task first = task(instance);
        tasks.setAssignee(first.getId(), userId);
        tasks.complete(first.getId());
        return instance;
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static String model(String firstProperties, String firstId, String firstListeners,
                                String secondProperties, String secondId, String secondListeners) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="ToFirst" sourceRef="Start" targetRef="%s" />
                    %s
                    <bpmn:sequenceFlow id="ToSecond" sourceRef="%s" targetRef="%s" />
                    %s
                    <bpmn:sequenceFlow id="ToEnd" sourceRef="%s" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(KEY, firstId, userTask(firstId, firstProperties, firstListeners), firstId, secondId,
                userTask(secondId, secondProperties, secondListeners), secondId);
    }

    private static String userTask(String id, String properties, String listeners) {
        String propertyList = properties.isBlank() ? "" : "<camunda:properties>" + properties + "</camunda:properties>";
        return """
                <bpmn:userTask id="%s">
                  <bpmn:extensionElements>%s%s</bpmn:extensionElements>
                </bpmn:userTask>""".formatted(id, propertyList, listeners);
    }
}
