package cn.minzheng.bureau.linshi;

import static cn.minzheng.bureau.linshi.LinshiProcess.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.linshi.LinshiRepository.LinshiCase;

/** What linshi-application.bpmn calls: ${linshiSteps.…}, service steps and task listeners. */
@Component
public class LinshiSteps {

    private final LinshiService service;

    public LinshiSteps(LinshiService service) {
        this.service = service;
    }

    /** 登记申请: the start form's fields, checked by the service; the case's copies for the forms. */
    public void register(DelegateExecution execution) {
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        String actor = Actor.currentOrNull(execution);
        LinshiCase c = service.register(application(execution), groups, execution.getProcessInstanceId(), actor);
        Household household = service.householdOf(c);
        CASE_ID.set(execution, c.id());
        TOWNSHIP_CODE.set(execution, c.townshipCode());
        ADVANCE_PAID.set(execution, c.advanceAmount().signum() > 0);
        REGISTERED_BY.set(execution, actor);
        CASE_NUMBER.set(execution, service.caseNumber(c));
        APPLICANT_NAME.set(execution, household.head().name());
        TOWNSHIP_NAME.set(execution, service.townshipName(c));
        COMMUNITY_NAME.set(execution, service.communityName(household));
        CASE_SUMMARY.set(execution, service.summary(c));
    }

    /** The start form (or the engine REST API's variables) as an application; the values are checked here. */
    static LinshiService.Application application(VariableScope scope) {
        TaskInput input = new TaskInput(scope);
        String idNumber = input.text(APPLICANT_ID_NUMBER.name(), "申请人身份证号码", 18).toUpperCase();
        AssistanceKind kind = choice(AssistanceKind.class, KIND.get(scope), "救助类型（急难型或支出型）");
        HardshipLevel level = choice(HardshipLevel.class, HARDSHIP_LEVEL.get(scope), "困难程度");
        String reason = input.text(REASON.name(), "申请事由", 1000);
        SpendingType spendingType = SPENDING_TYPE.get(scope) == null || SPENDING_TYPE.get(scope).isBlank() ? null
                : choice(SpendingType.class, SPENDING_TYPE.get(scope), "支出类别");
        BigDecimal spendingAmount = optionalAmount(SPENDING_AMOUNT.get(scope), "必需支出金额");
        String evidence = input.optionalText(SPENDING_EVIDENCE.name(), "支出凭证", 1000);
        BigDecimal advance = optionalAmount(ADVANCE_AMOUNT.get(scope), "先行救助金额");
        String exception = input.optionalText(REPEAT_EXCEPTION_REASON.name(), "再次救助的例外理由", 1000);
        return new LinshiService.Application(idNumber, kind, level, reason, spendingType, spendingAmount, evidence,
                advance, exception, newHousehold(scope));
    }

    /** The household registered with the application, when the clerk ticked 新登记家庭; null otherwise. */
    static HouseholdForm newHousehold(VariableScope scope) {
        Object ticked = NEW_HOUSEHOLD.get(scope);
        if (ticked == null || !(Boolean.TRUE.equals(ticked) || "true".equalsIgnoreCase(ticked.toString().trim()))) {
            return null;
        }
        List<HouseholdForm.MemberForm> members = new ArrayList<>();
        for (Map<String, Object> row : JsonRows.of(MEMBERS.get(scope), "家庭成员")) {
            members.add(new HouseholdForm.MemberForm(JsonRows.text(row, "name"), JsonRows.text(row, "idNumber"),
                    JsonRows.text(row, "relation"), JsonRows.text(row, "employmentStatus"),
                    JsonRows.text(row, "disabilityLevel"), List.of()));
        }
        return new HouseholdForm(TOWNSHIP_CODE.get(scope), COMMUNITY_CODE.get(scope), ADDRESS.get(scope),
                BANK_NAME.get(scope), BANK_ACCOUNT.get(scope), null, null, null, null, null, null, members);
    }

    /** On create of a task: the form shows the case as it now stands. */
    public void show(DelegateTask task) {
        CASE_SUMMARY.set(task, service.summary(service.get(CASE_ID.require(task))));
    }

    /** 补办先行救助手续. */
    public void completePaperwork(DelegateTask task) {
        service.completePaperwork(CASE_ID.require(task),
                new TaskInput(task).text(PAPERWORK_NOTE.name(), "补办手续情况", 1000), Actor.of(task));
    }

    /** 乡镇（街道）审核: the route the grant takes next. */
    public void reviewByTownship(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        boolean approve = APPROVE.equals(input.choice(REVIEW_DECISION.name(), "审核结果", List.of(APPROVE, REFUSE)));
        BigDecimal proposed = optionalAmount(PROPOSED_AMOUNT.get(task), "拟救助金额");
        String caseByCase = input.optionalText(CASE_BY_CASE_REASON.name(), "一事一议理由", 1000);
        String comment = input.text(REVIEW_COMMENT.name(), "审核意见", 1000);
        ROUTE.set(task, service.reviewByTownship(CASE_ID.require(task), approve, proposed, caseByCase, comment,
                Actor.of(task)));
    }

    /** 区民政局审批. */
    public void approveByDistrict(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(DISTRICT_DECISION.name(), "审批结果", List.of(APPROVE, REFUSE));
        service.approveByDistrict(CASE_ID.require(task), APPROVE.equals(decision),
                input.text(DISTRICT_COMMENT.name(), "审批意见", 1000), Actor.of(task));
    }

    /** 一事一议：区民政局第二审批人. */
    public void approveBySecond(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(SECOND_DECISION.name(), "审批结果", List.of(APPROVE, REFUSE));
        service.approveBySecond(CASE_ID.require(task), APPROVE.equals(decision),
                input.text(SECOND_COMMENT.name(), "审批意见", 1000), Actor.of(task));
    }

    /** 批准救助，纳入一次性发放. */
    public void grant(DelegateExecution execution) {
        service.grant(CASE_ID.require(execution), Actor.currentOrNull(execution));
    }

    /** 不予救助. */
    public void refuse(DelegateExecution execution) {
        service.refuse(CASE_ID.require(execution), Actor.currentOrNull(execution));
    }

    private static BigDecimal optionalAmount(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return Money.parse(value, label);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String label) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> new RuleViolation("MISSING_DECISION", "请选择" + label));
    }
}
