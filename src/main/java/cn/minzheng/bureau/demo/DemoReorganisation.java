package cn.minzheng.bureau.demo;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.community.reorganisation.CommunityReorganisationService;

/**
 * Demo data for community reorganisation: a plan (永乐社区 merged into 京东社区, 玉北社区 handed over to
 * 任丘办事处) waiting for the reviews of both street offices, and a renaming drafted by the community
 * section and not yet submitted.
 */
@Component
public class DemoReorganisation {

    public static final String IN_REVIEW = """
            {"title": "社区布局调整方案（演示）", "steps": [
              {"kind": "MERGE", "sources": ["renqiu-yongle"], "code": "renqiu-jingdong"},
              {"kind": "HAND_OVER", "code": "zhongyuan-yubei", "township": "renqiu"}]}""";
    public static final String DRAFT = """
            {"title": "社区更名方案（演示）", "steps": [
              {"kind": "RENAME", "code": "zhongyuan-jinhua", "name": "金华苑社区"}]}""";

    private final CommunityReorganisationService service;
    private final DibaoWalker walker;
    private final TaskService taskService;
    private final JdbcClient jdbc;

    public DemoReorganisation(CommunityReorganisationService service, DibaoWalker walker, TaskService taskService, JdbcClient jdbc) {
        this.service = service;
        this.walker = walker;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    public boolean present() {
        return jdbc.sql("select count(*) from reorg_plan").query(Long.class).single() > 0;
    }

    public void seed() {
        long planId = walker.as("community", () -> service.start(IN_REVIEW, "community"));
        walker.as("community", () -> {
            Task draft = taskService.createTaskQuery().processInstanceBusinessKey("reorg-" + planId)
                    .taskDefinitionKey(TASK_DRAFT).singleResult();
            taskService.claim(draft.getId(), "community");
            taskService.complete(draft.getId(), Map.of(VAR_DRAFT_DECISION, SUBMIT, VAR_PLAN_JSON, IN_REVIEW));
            return null;
        });
        walker.as("community", () -> service.start(DRAFT, "community"));
    }
}
