package cn.minzheng.bureau.dibao.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;

/**
 * 发起到期复核 (dibao-review-schedule.bpmn, daily, through {@link ReviewScheduleSteps}): starts a review for every active case whose review is
 * due by its household's interval ({@link ReviewFrequency}, dibao-review-frequency.dmn), counted from its last review or, if never
 * reviewed, from its first month.
 * At most bureau.dibao.review.batch-size per run; the rest follow on the next run.
 */
@Component
public class ReviewScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReviewScheduler.class);

    private final JdbcClient jdbc;
    private final ReviewSettings settings;
    private final ReviewFrequency frequency;
    private final ReviewStarter starter;
    private final DibaoCaseRepository cases;

    public ReviewScheduler(JdbcClient jdbc, ReviewSettings settings, ReviewFrequency frequency, ReviewStarter starter,
                           DibaoCaseRepository cases) {
        this.cases = cases;
        this.frequency = frequency;
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
        List<DueReview> due = dueReviews(today, settings.getBatchSize());
        for (DueReview review : due) {
            starter.start(review.caseId(), ReviewStarter.PERIODIC, null);
        }
        log.info("started {} due reviews", due.size());
        return due.size();
    }

    /** A case whose review is due, and the table's reason for its interval. */
    record DueReview(long caseId, ReviewFrequency.Interval interval) {
    }

    /**
     * Every active case without an open review or a decided gradual exit, with its living members, read once in case
     * order; a case is due when its interval (dibao-review-frequency.dmn over its members today) has passed since its
     * last review, or since its first month if it was never reviewed.
     */
    List<DueReview> dueReviews(LocalDate today, int limit) {
        Function<ReviewFrequency.WorkProfile, ReviewFrequency.Interval> intervals = frequency.forOneRun();
        List<DueReview> due = new ArrayList<>();
        CaseRows current = new CaseRows();
        jdbc.sql("""
                select c.id, c.category, c.start_month, c.last_reviewed_at,
                       m.birth_date, m.employment_status, m.disability_level
                from dibao_case c
                left join household_member m on m.household_id = c.household_id and m.died_on is null
                where c.status = ? and c.gradual_exit_until is null
                  and (c.last_reviewed_at is not null or c.start_month <= ?)
                  and not exists (select 1 from dibao_review r where r.open_case_id = c.id)
                order by c.id""")
                .params(CaseStatus.APPROVED.name(), YearMonth.from(today).toString())
                .query((ResultSet rs) -> {
                    long caseId = rs.getLong("id");
                    if (current.caseId != caseId) {
                        current.addIfDue(today, intervals, due, limit);
                        Timestamp lastReviewed = rs.getTimestamp("last_reviewed_at");
                        current.start(caseId, CaseCategory.valueOf(rs.getString("category")), rs.getString("start_month"),
                                lastReviewed == null ? null : lastReviewed.toLocalDateTime());
                    }
                    Date birth = rs.getDate("birth_date");
                    if (birth != null) {
                        current.members.add(new ReviewFrequency.Member(birth.toLocalDate(),
                                EmploymentStatus.valueOf(rs.getString("employment_status")),
                                DisabilityLevel.valueOf(rs.getString("disability_level"))));
                    }
                });
        current.addIfDue(today, intervals, due, limit);
        return due;
    }

    /** The rows of the case being read. */
    private static final class CaseRows {
        long caseId = -1;
        CaseCategory category;
        String startMonth;
        LocalDateTime lastReviewed;
        final List<ReviewFrequency.Member> members = new ArrayList<>();

        void start(long id, CaseCategory caseCategory, String firstMonth, LocalDateTime lastReviewedAt) {
            caseId = id;
            category = caseCategory;
            startMonth = firstMonth;
            lastReviewed = lastReviewedAt;
            members.clear();
        }

        void addIfDue(LocalDate today, Function<ReviewFrequency.WorkProfile, ReviewFrequency.Interval> intervals,
                      List<DueReview> due, int limit) {
            if (caseId < 0 || due.size() >= limit) {
                return;
            }
            ReviewFrequency.Interval interval = intervals.apply(ReviewFrequency.WorkProfile.of(category, members, today));
            LocalDate cutoff = today.minusMonths(interval.months());
            boolean isDue = lastReviewed == null
                    ? startMonth != null && YearMonth.parse(startMonth).compareTo(YearMonth.from(cutoff)) <= 0
                    : !lastReviewed.isAfter(cutoff.atStartOfDay());
            if (isDue) {
                due.add(new DueReview(caseId, interval));
            }
        }
    }
}
