package cn.minzheng.bureau.community.construction;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.community.construction.OfficeConstructionRepository.Project;
import cn.minzheng.bureau.community.construction.OfficeConstructionRepository.StageRow;

/** 社区办公用房建设台账: the projects a user may see, each with its stages (planned, actual, overdue, supervision). */
@RestController
@RequestMapping("/api/community/offices")
public class OfficeConstructionController {

    private final OfficeConstructionRepository projects;
    private final CommunityArea area;

    public OfficeConstructionController(OfficeConstructionRepository projects, CommunityArea area) {
        this.projects = projects;
        this.area = area;
    }

    public record ProjectView(Project project, List<StageRow> stages) {
    }

    @Operation(summary = "办公用房建设项目列表（可按乡镇筛选）")
    @GetMapping
    public List<ProjectView> list(@RequestParam(required = false) String township) {
        return projects.list(township).stream().filter(p -> area.maySee(p.townshipCode(), p.communityCode()))
                .map(p -> new ProjectView(p, projects.stages(p.id()))).toList();
    }

    @Operation(summary = "一个办公用房建设项目及其各阶段")
    @GetMapping("/{id}")
    public ProjectView get(@PathVariable long id) {
        Project project = projects.find(id).orElseThrow(() -> RuleViolation.notFound("建设项目" + id));
        area.requireSee(project.townshipCode(), project.communityCode(), "建设项目" + id);
        return new ProjectView(project, projects.stages(id));
    }
}
