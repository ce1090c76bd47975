package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.youfu.YoufuConscriptProcess.*;

import java.time.Year;
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

/** What youfu-conscript-grant.bpmn calls: ${youfuConscriptSteps.…}; the rules are {@link YoufuConscriptService}'s. */
@Component
public class YoufuConscriptSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final YoufuConscriptService service;
    private final YoufuConscriptRepository conscripts;
    private final RegionRepository regions;

    public YoufuConscriptSteps(YoufuConscriptService service, YoufuConscriptRepository conscripts, RegionRepository regions) {
        this.service = service;
        this.conscripts = conscripts;
        this.regions = regions;
    }

    /** 列出本年度应发优待金的义务兵家庭. */
    public void list(DelegateExecution execution) {
        Integer given = GRANT_YEAR.get(execution);
        int year = given == null ? Year.now().getValue() : given;
        GRANT_YEAR.set(execution, year);
        TOWNSHIP_COUNT.set(execution, service.list(year, execution.getProcessInstanceId()).size());
    }

    /** The collection of the clerk tasks: the townships with conscripts listed. */
    public List<String> townships(DelegateExecution execution) {
        return conscripts.townships(execution.getProcessInstanceId());
    }

    /** A clerk task is created: the township's conscripts, as the form's rows (on the township's execution). */
    public void show(DelegateTask task) {
        String township = TOWNSHIP_CODE.require(task);
        List<Map<String, Object>> rows = service.rows(task.getProcessInstanceId(), township);
        task.setVariableLocal(TOWNSHIP_NAME.name(), regions.find(township).map(Region::name).orElse(township));
        task.setVariableLocal(CONSCRIPTS_NOTE.name(), GRANT_YEAR.require(task) + "年度义务兵家庭优待金共" + rows.size()
                + "人（8月1日在役的义务兵）。请逐人核实仍在役、领取家属无误后选择发放；已退役、被除名或转改士官的选择不发放并写明原因。"
                + "发放的优待金由下一次优待金工资单发给家属，每名义务兵每年一次。");
        try {
            task.getExecution().setVariableLocal(CONSCRIPTS.name(), SpinValues.jsonValue(JSON.writeValueAsString(rows)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 乡镇核对义务兵家庭优待金名单: every conscript answered, the grants enrolled. */
    public void answer(DelegateTask task) {
        service.answer(task.getProcessInstanceId(), TOWNSHIP_CODE.require(task), CONSCRIPTS.get(task), Actor.of(task));
    }
}
