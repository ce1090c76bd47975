package cn.minzheng.bureau.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.appeal.AppealProcess;
import cn.minzheng.bureau.dibao.appeal.AppealService;
import cn.minzheng.bureau.dibao.report.ReportProcess;
import cn.minzheng.bureau.dibao.report.ReportService;

/**
 * Demo data of reports and appeals, after the demo households: an anonymous report on the active case of 中原办
 * (reviewer.zhongyuan assigns it) and an appeal against the amount of the active case of 任丘办 (clerk2.renqiu
 * re-investigates it: clerk.renqiu handled the case).
 */
@Component
@ConditionalOnProperty(name = "bureau.demo-data.enabled", havingValue = "true")
public class DemoRedress {

    private static final Logger log = LoggerFactory.getLogger(DemoRedress.class);

    private final ReportService reports;
    private final AppealService appeals;
    private final DibaoWalker walker;
    private final JdbcClient jdbc;
    private final boolean applications;

    public DemoRedress(ReportService reports, AppealService appeals, DibaoWalker walker, JdbcClient jdbc,
                       @Value("${bureau.demo-data.applications:true}") boolean applications) {
        this.reports = reports;
        this.appeals = appeals;
        this.walker = walker;
        this.jdbc = jdbc;
        this.applications = applications;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(4)
    public void seed() {
        if (!applications || jdbc.sql("select count(*) from dibao_report").query(Long.class).single() > 0) {
            return;
        }
        activeCaseOf("zhongyuan").ifPresent(caseId -> walker.as("clerk.zhongyuan", () -> reports.register(
                new ReportService.Registration(caseId, ReportProcess.CHANNEL_PUBLIC_NOTICE, true, null, null, "HIDDEN_INCOME",
                        "群众反映该户户主在外打零工，收入未申报"), "clerk.zhongyuan")));
        activeCaseOf("renqiu").ifPresent(caseId -> walker.as("clerk.renqiu", () -> appeals.register(
                new AppealService.Registration(caseId, AppealProcess.AMOUNT, null,
                        "申请人认为家庭收入中计入了已停发的补贴，补助金额偏低，请求重新调查"), "clerk.renqiu")));
        log.info("demo data: a report in 中原办 and an appeal in 任丘办");
    }

    private java.util.Optional<Long> activeCaseOf(String township) {
        // the newest case decided by the procedure (one taken over from a roster has no decision to appeal; with the
        // demo year on, its cases were decided months ago, past the appeal period, so the oldest would be refused)
        return jdbc.sql("select max(id) from dibao_case where township_code = ? and status = ? and import_batch_id is null")
                .params(township, CaseStatus.APPROVED.name())
                .query(Long.class).optional();
    }
}
