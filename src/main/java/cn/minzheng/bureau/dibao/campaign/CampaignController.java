package cn.minzheng.bureau.dibao.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;

/** 集中摸底调查: the district approver opens a campaign with its team leaders and deadline. */
@RestController
@RequestMapping("/api/dibao/survey-campaigns")
public class CampaignController {

    private final CampaignService campaigns;
    private final CurrentUser currentUser;

    public CampaignController(CampaignService campaigns, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.currentUser = currentUser;
    }

    public record CampaignRequest(String name, List<String> teamLeads, String deadline) {
    }

    @Operation(summary = "发起低保核查（调查）活动")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> start(@RequestBody CampaignRequest request) {
        LocalDate deadline;
        try {
            deadline = request.deadline() == null || request.deadline().isBlank() ? null : LocalDate.parse(request.deadline());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DEADLINE", "完成期限格式应为“年-月-日”，如2026-04-30");
        }
        return Map.of("campaignId", campaigns.start(request.name(), request.teamLeads(), deadline, currentUser.id()));
    }
}
