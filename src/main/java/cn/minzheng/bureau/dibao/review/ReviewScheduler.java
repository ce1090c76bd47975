package cn.minzheng.bureau.dibao.review;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * 发起到期复核 (dibao-review-schedule.bpmn, daily, through {@link ReviewScheduleSteps}): starts a review for every active case whose review is
 * due by its class's frequency, counted from its last review or, if never reviewed, from its first month.
 * At most bureau.dibao.review.batch-size per run; the rest follow on the next run.
 */
@Component
public class ReviewScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReviewScheduler.class);

    private final JdbcClient jdbc;
    private final ReviewSettings settings;
    private final ReviewStarter starter;
    private final DibaoCaseRepository cases;

    public ReviewScheduler(JdbcClient jdbc, ReviewSettings settings, ReviewStarter starter, DibaoCaseRepository cases) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.settings = settings;
        this.starter = starter;
    }

    public int startDue() {
        return startDue(EngineClock.today());
    }

    /**
     * 渐退期满: every active case whose gradual exit ended before {@code month} is cancelled (the month is its
     * first unpaid one). A phasing-out case is not reviewed periodically meanwhile: its end is decided.
     */
    public int endGradualExits(YearMonth month) {
        List<Long> ended = cases.gradualExitsEndedBefore(month);
        for (long caseId : ended) {
            String until = cases.gradualExitUntil(caseId).map(YearMonth::toString).orElseThrow();
            cases.changeStatus(caseId, CaseStatus.CANCELLED, null, "渐退期满停保：渐退期按原标准发放至" + until);
        }
        log.info("ended {} gradual exits", ended.size());
        return ended.size();
    }

    public int startDue(LocalDate today) {
        int started = 0;
        for (CaseCategory category : CaseCategory.values()) {
            LocalDate cutoff = today.minus(settings.frequencyOf(category));
            List<Long> due = jdbc.sql("""
                    select c.id from dibao_case c
                    where c.status = ? and c.category = ?
                      and ((c.last_reviewed_at is null and c.start_month <= ?) or c.last_reviewed_at <= ?)
                      and c.gradual_exit_until is null
                      and not exists (select 1 from dibao_review r where r.open_case_id = c.id)
                    order by c.id limit ?""")
                    .params(CaseStatus.APPROVED.name(), category.name(), YearMonth.from(cutoff).toString(), Timestamp.valueOf(cutoff.atStartOfDay()),
                            settings.getBatchSize() - started)
                    .query(Long.class).list();
            for (long caseId : due) {
                starter.start(caseId, ReviewStarter.PERIODIC, null);
                started++;
            }
            if (started >= settings.getBatchSize()) {
                break;
            }
        }
        log.info("started {} due reviews", started);
        return started;
    }
}
