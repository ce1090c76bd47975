package cn.minzheng.bureau.demo;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.sql.Timestamp;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Demo data for the statutory limits: a rejected application whose written refusal the 岳村乡 clerk
 * still has to deliver, and a 孟轲乡 application whose district decision ran past its 10 working days,
 * so the 低保科负责人 (dibaohead) finds a supervision task and 期限预警 lists it.
 */
@Component
@ConditionalOnProperty(name = "bureau.demo-data.enabled", havingValue = "true")
public class DemoDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DemoDeadlines.class);

    private static final DemoHouseholds.DemoApplication REJECTED = DemoHouseholds.app("yuecun", "yuecun-dongyue",
            "东岳村5组2号", "ORDINARY", DemoHouseholds.Stage.AT_TOWNSHIP_REVIEW,
            DemoHouseholds.member("韩长江", true, "410322", "19760516", 41, "HEAD", "FLEXIBLE", "NONE", "BUSINESS", "900"));
    private static final DemoHouseholds.DemoApplication LATE = DemoHouseholds.app("mengke", "mengke-mengke",
            "孟轲村3组9号", "ELDERLY", DemoHouseholds.Stage.AT_DISTRICT_APPROVAL,
            DemoHouseholds.member("孟桂芝", false, "410322", "19490723", 42, "HEAD", "RETIRED", "NONE", "PENSION", "160"));

    private final DibaoWalker walker;
    private final JdbcClient jdbc;
    private final ManagementService managementService;
    private final boolean applications;

    public DemoDeadlines(DibaoWalker walker, JdbcClient jdbc, ManagementService managementService,
                         @Value("${bureau.demo-data.applications:true}") boolean applications) {
        this.walker = walker;
        this.jdbc = jdbc;
        this.managementService = managementService;
        this.applications = applications;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(4)
    public void seed() {
        if (!applications || present()) {
            return;
        }
        DibaoCase rejected = walkToTownshipReview(REJECTED);
        walker.reviewByTownship("reviewer.yuecun", rejected, REJECT, "家庭经营小卖部，月经营收入约900元，高于当地低保标准");

        DibaoCase late = walkToTownshipReview(LATE);
        walker.reviewByTownship("reviewer.mengke", late, APPROVE, "经审核，家庭经济状况属实，同意");
        walker.endNotice(late);
        // the demo cannot wait ten working days: the decision limit is made to end now, and its timer is fired
        Date now = EngineClock.now();
        jdbc.sql("update dibao_time_limit set due_at = ? where case_id = ? and limit_kind = ?")
                .params(new Timestamp(now.getTime()), late.id(), LimitKind.DECISION.name()).update();
        Job timer = managementService.createJobQuery().processInstanceId(late.processInstanceId())
                .activityId(LimitKind.DECISION.timerId()).singleResult();
        managementService.executeJob(timer.getId());
        log.info("demo data: a written refusal to deliver and an overdue district decision under supervision");
    }

    boolean present() {
        String person = REJECTED.form().household().members().get(0).idNumber();
        return jdbc.sql("select count(*) from household_member where id_number = ?").param(person)
                .query(Long.class).single() > 0;
    }

    private DibaoCase walkToTownshipReview(DemoHouseholds.DemoApplication application) {
        String clerk = "clerk." + application.form().household().townshipCode();
        DibaoCase dibaoCase = walker.submit(clerk, application.form());
        walker.accept(clerk, dibaoCase);
        walker.survey(clerk, dibaoCase, Map.of());
        return dibaoCase;
    }
}
