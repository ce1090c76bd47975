package cn.minzheng.bureau.community.reorganisation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.reorganisation.CommunityReorganisationRepository.Plan;
import cn.minzheng.bureau.engine.EngineAuthentication;

/** 社区调整方案: the community section drafts a plan; district staff read a plan with its decisions and moves. */
@RestController
@RequestMapping("/api/reorganisations")
public class CommunityReorganisationController {

    private final CommunityReorganisationService service;
    private final CommunityReorganisationRepository plans;
    private final CurrentUser currentUser;
    private final IdentityService identityService;

    public CommunityReorganisationController(CommunityReorganisationService service, CommunityReorganisationRepository plans,
                                    CurrentUser currentUser, IdentityService identityService) {
        this.service = service;
        this.plans = plans;
        this.currentUser = currentUser;
        this.identityService = identityService;
    }

    /** The body is the plan (see ReorganisationPlan); the draft waits in the drafter's Tasklist to be submitted. */
    @Operation(summary = "起草社区调整方案（草案进入起草人的待办）")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> draft(@RequestBody String planJson) {
        if (!EngineAuthentication.groupIds(identityService).contains(Groups.COMMUNITY_SECTION)) {
            throw new RuleViolation("COMMUNITY_SECTION_ONLY", "只有区民政局基层政权和社区建设科可以起草社区调整方案", 403);
        }
        long planId = service.start(planJson, currentUser.id());
        return view(planId);
    }

    @Operation(summary = "一个社区调整方案")
    @GetMapping("/{id}")
    public Map<String, Object> show(@PathVariable long id) {
        currentUser.requireDistrictRole();
        return view(id);
    }

    private Map<String, Object> view(long id) {
        Plan plan = service.plan(id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", plan.id());
        view.put("title", plan.title());
        view.put("status", plan.status());
        view.put("processInstanceId", plan.processInstanceId());
        view.put("draftedBy", plan.draftedBy());
        view.put("approvedBy", plan.approvedBy());
        view.put("appliedAt", plan.appliedAt());
        view.put("plan", CommunityReorganisationService.parse(plan.planJson()));
        view.put("decisions", plans.decisions(id));
        view.put("changes", service.changes(id));
        return view;
    }
}
