package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.youfu.YoufuAnnualProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Date;
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

/** What youfu-annual-review.bpmn calls: ${youfuAnnualSteps.…}; the rules are {@link YoufuAnnualService}'s. */
@Component
public class YoufuAnnualSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final YoufuAnnualService service;
    private final YoufuAnnualRepository checks;
    private final YoufuAnnualSettings settings;
    private final RegionRepository regions;

    public YoufuAnnualSteps(YoufuAnnualService service, YoufuAnnualRepository checks, YoufuAnnualSettings settings,
                            RegionRepository regions) {
        this.service = service;
        this.checks = checks;
        this.settings = settings;
        this.regions = regions;
    }

    /** 列出本年度年审对象: every active recipient; the deadline from the settings. */
    public void list(DelegateExecution execution) {
        Integer given = CHECK_YEAR.get(execution);
        int year = given == null ? Year.now().getValue() : given;
        LocalDate deadline = LocalDate.now().plus(settings.getAnnualReviewDeadline());
        CHECK_YEAR.set(execution, year);
        DEADLINE.set(execution, deadline.atTime(23, 59, 59).toString());
        TOWNSHIP_COUNT.set(execution, service.list(year, deadline, execution.getProcessInstanceId()).size());
    }

    /** The boundary timer of the clerk tasks: the deadline's end of day. */
    public Date deadline(DelegateExecution execution) {
        return Date.from(LocalDateTime.parse(DEADLINE.require(execution)).atZone(ZoneId.systemDefault()).toInstant());
    }

    /** The collection of the clerk tasks: the townships with recipients to confirm. */
    public List<String> townships(DelegateExecution execution) {
        return checks.townships(execution.getProcessInstanceId());
    }

    /** A clerk task is created: the township's recipients, as the form's rows (on the township's execution). */
    public void show(DelegateTask task) {
        String township = TOWNSHIP_CODE.require(task);
        List<Map<String, Object>> rows = service.rows(task.getProcessInstanceId(), township);
        task.setVariableLocal(TOWNSHIP_NAME.name(), regions.find(township).map(Region::name).orElse(township));
        task.setVariableLocal(RECIPIENTS_NOTE.name(), CHECK_YEAR.require(task) + "年度优抚对象年审（生存认证）共" + rows.size()
                + "人。请逐人核实健在、仍在本地居住且符合享受条件；未能确认的请写明原因。截止时仍未确认的，自未发放的月份起暂停发放。");
        try {
            task.getExecution().setVariableLocal(RECIPIENTS.name(), SpinValues.jsonValue(JSON.writeValueAsString(rows)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 乡镇优抚对象年审: every recipient answered. */
    public void answer(DelegateTask task) {
        service.answer(task.getProcessInstanceId(), TOWNSHIP_CODE.require(task), RECIPIENTS.get(task), Actor.of(task));
    }

    /** 暂停未通过年审对象的发放. */
    public void suspendUnconfirmed(DelegateExecution execution) {
        service.suspendUnconfirmed(execution.getProcessInstanceId());
    }
}
