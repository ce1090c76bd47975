package cn.minzheng.bureau.gaoling;

import static cn.minzheng.bureau.gaoling.GaolingProposalProcess.*;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** What gaoling-monthly-proposal.bpmn calls: ${gaolingProposalSteps.…}; the rules are {@link GaolingService}'s. */
@Component
public class GaolingProposalSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GaolingService service;
    private final GaolingRepository repository;
    private final RegionRepository regions;

    public GaolingProposalSteps(GaolingService service, GaolingRepository repository, RegionRepository regions) {
        this.service = service;
        this.repository = repository;
        this.regions = regions;
    }

    /** 列出本月应提议人员: the month given at a manual start, else the current one. */
    public void list(DelegateExecution execution) {
        String given = PROPOSAL_MONTH.get(execution);
        YearMonth month = given == null ? YearMonth.now() : YearMonth.parse(given);
        PROPOSAL_MONTH.set(execution, month.toString());
        TOWNSHIP_COUNT.set(execution, service.propose(month, execution.getProcessInstanceId()).size());
    }

    /** The collection of the clerk tasks: the townships with people proposed by this instance. */
    public List<String> townships(DelegateExecution execution) {
        return repository.proposedTownships(execution.getProcessInstanceId());
    }

    /** A clerk task is created: the township's people, as the form's rows (task-local). */
    public void show(DelegateTask task) {
        String township = TOWNSHIP_CODE.require(task);
        List<Map<String, Object>> rows = service.rows(task.getProcessInstanceId(), township);
        task.setVariableLocal(TOWNSHIP_NAME.name(), regions.find(township).map(Region::name).orElse(township));
        task.setVariableLocal(PEOPLE_NOTE.name(), PROPOSAL_MONTH.require(task) + "共提议" + rows.size()
                + "人。请逐人对照户籍信息核对：确认的，自该月起享受高龄津贴；未确认的，请填写原因。");
        try {
            // on the task's own execution (the township's instance of the multi-instance), where the submitted
            // answers land too: a task-local list would hide them
            task.getExecution().setVariableLocal(PEOPLE.name(), SpinValues.jsonValue(JSON.writeValueAsString(rows)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 乡镇核对户籍: every person answered, validated in full before anything is written. */
    public void confirm(DelegateTask task) {
        service.confirm(task.getProcessInstanceId(), TOWNSHIP_CODE.require(task), PEOPLE.get(task), Actor.of(task));
    }
}
