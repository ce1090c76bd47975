package cn.minzheng.bureau.dibao.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.minzheng.bureau.calendar.WorkingDayBusinessCalendar;

/** Each limit's timer in dibao-application.bpmn is a non-interrupting working-day timer of the limit's length. */
class LimitKindTest {

    static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/dibao-application.bpmn"));

    @ParameterizedTest
    @EnumSource(LimitKind.class)
    void theTimerInTheDiagramHasTheLimitsLength(LimitKind kind) {
        BoundaryEvent timer = MODEL.getModelElementById(kind.timerId());
        assertThat(timer).as(kind.timerId()).isNotNull();
        assertThat(timer.cancelActivity()).isFalse();
        TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        assertThat(WorkingDayBusinessCalendar.workingDaysOf(definition.getTimeDuration().getTextContent()))
                .isEqualTo(kind.workingDays());
    }
}
