package cn.minzheng.bureau.community.recruitment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;

/** Recruitment rounds, posts, applications, appointed workers and directors; decisions go to the audit trail. */
@Repository
public class RecruitmentRepository {

    static final String ENTITY = "COMMUNITY_RECRUITMENT";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public RecruitmentRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Round(long id, String townshipCode, String title, String status) {
    }

    public record Application(long id, long roundId, String communityCode, String applicantName, String idNumber,
                              String education, int age, boolean eligible, String ineligibleReason, BigDecimal writtenScore,
                              BigDecimal interviewScore, BigDecimal totalScore, Integer scoreRank, boolean proposed) {
    }

    public record Worker(long id, String idNumber, String workerName, String communityCode, Long roundId) {
    }

    public record Director(long id, String communityCode, long workerId, String workerName, Long roundId, String appointedBy) {
    }

    @Transactional
    public long openRound(String townshipCode, String title, Map<String, Integer> posts, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into community_recruitment_round (township_code, title, status, process_instance_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(townshipCode, title, RoundStatus.REGISTRATION.name(), processInstanceId, actor, Timestamp.from(Instant.now())).update(key, "id");
        long id = key.getKey().longValue();
        posts.forEach((community, count) -> jdbc.sql("insert into community_recruitment_post (round_id, community_code, posts) values (?, ?, ?)")
                .params(id, community, count).update());
        audit.record(ENTITY, id, null, null, "ROUND_OPENED", actor, title, null, Map.of("posts", posts));
        return id;
    }

    public Optional<Round> round(long id) {
        return jdbc.sql("select id, township_code, title, status from community_recruitment_round where id = ?")
                .param(id).query(RecordRows.of(Round.class)).optional();
    }

    public List<Round> rounds(String townshipCode) {
        return jdbc.sql("""
                select id, township_code, title, status from community_recruitment_round
                where (cast(? as varchar(40)) is null or township_code = ?) order by id""")
                .params(townshipCode, townshipCode).query(RecordRows.of(Round.class)).list();
    }

    /** Where a round stands, as stored in community_recruitment_round.status. */
    enum RoundStatus {
        REGISTRATION, SCORING, APPROVAL, DIRECTORS, COMPLETED
    }

    private void status(long roundId, RoundStatus status) {
        jdbc.sql("update community_recruitment_round set status = ? where id = ?").params(status.name(), roundId).update();
    }

    /** Every director appointed: the round is over. */
    public void complete(long roundId) {
        status(roundId, RoundStatus.COMPLETED);
    }

    public Map<String, Integer> posts(long roundId) {
        Map<String, Integer> posts = new LinkedHashMap<>();
        jdbc.sql("select community_code, posts from community_recruitment_post where round_id = ? order by community_code")
                .param(roundId).query((rs, n) -> posts.put(rs.getString(1), rs.getInt(2))).list();
        return posts;
    }

    public boolean applied(long roundId, String idNumber) {
        return jdbc.sql("select count(*) from community_recruitment_application where round_id = ? and id_number = ?")
                .params(roundId, idNumber).query(Long.class).single() > 0;
    }

    public boolean isWorker(String idNumber) {
        return jdbc.sql("select count(*) from community_worker where id_number = ?").param(idNumber).query(Long.class).single() > 0;
    }

    public long apply(long roundId, String communityCode, String name, String idNumber, Education education,
                      Eligibility.Verdict verdict, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into community_recruitment_application (round_id, community_code, applicant_name, id_number, education, age,
                    eligible, ineligible_reason, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(roundId, communityCode, name, idNumber, education.name(), verdict.age(), verdict.eligible(),
                        verdict.reason(), actor, Timestamp.from(Instant.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(ENTITY, roundId, null, null, "APPLICATION_REGISTERED", actor, name, null,
                verdict.eligible() ? Map.of("application", id, "eligible", true)
                        : Map.of("application", id, "eligible", false, "reason", verdict.reason()));
        return id;
    }

    public List<Application> applications(long roundId) {
        return jdbc.sql("""
                select id, round_id, community_code, applicant_name, id_number, education, age, eligible, ineligible_reason,
                       written_score, interview_score, total_score, score_rank, proposed
                from community_recruitment_application where round_id = ? order by id""")
                .param(roundId).query(RecordRows.of(Application.class)).list();
    }

    @Transactional
    public void excluded(long roundId, long applicationId, String reason, String actor) {
        jdbc.sql("update community_recruitment_application set eligible = false, ineligible_reason = ? where id = ? and round_id = ?")
                .params(reason, applicationId, roundId).update();
        audit.record(ENTITY, roundId, null, null, "APPLICATION_EXCLUDED", actor, reason, null, Map.of("application", applicationId));
    }

    public void eligibilityConfirmed(long roundId, String actor, long eligible) {
        status(roundId, RoundStatus.SCORING);
        audit.record(ENTITY, roundId, null, null, "ELIGIBILITY_CONFIRMED", actor, null, null, Map.of("eligible", eligible));
    }

    public void eligibilityReturned(long roundId, String actor, String comment) {
        audit.record(ENTITY, roundId, null, null, "ELIGIBILITY_RETURNED", actor, comment, null, null);
    }

    @Transactional
    public void scores(long roundId, Map<Long, BigDecimal[]> scores, String actor) {
        scores.forEach((id, s) -> jdbc.sql("""
                update community_recruitment_application set written_score = ?, interview_score = ?, total_score = null,
                    score_rank = null, proposed = false where id = ? and round_id = ?""").params(s[0], s[1], id, roundId).update());
        audit.record(ENTITY, roundId, null, null, "SCORED", actor, null, null, Map.of("applicants", scores.size()));
    }

    @Transactional
    public void ranked(long roundId, List<Ranking.Ranked> ranking) {
        for (Ranking.Ranked r : ranking) {
            jdbc.sql("update community_recruitment_application set total_score = ?, score_rank = ?, proposed = ? where id = ?")
                    .params(r.total(), r.rank(), r.proposed(), r.applicationId()).update();
        }
        status(roundId, RoundStatus.APPROVAL);
        audit.record(ENTITY, roundId, null, null, "RANKED", "system", null, null,
                Map.of("proposed", ranking.stream().filter(Ranking.Ranked::proposed).map(Ranking.Ranked::applicationId).toList()));
    }

    public void appointmentDecision(long roundId, String decision, String comment, String actor) {
        audit.record(ENTITY, roundId, null, null, "APPOINTMENT_" + decision, actor, comment, null, null);
    }

    /** 聘用: the proposed applicants become community workers; a person already appointed is refused, nothing written. */
    @Transactional
    public List<Long> appoint(long roundId, String actor) {
        List<Application> proposed = applications(roundId).stream().filter(Application::proposed).toList();
        for (Application a : proposed) {
            if (isWorker(a.idNumber())) {
                throw new RuleViolation("ALREADY_APPOINTED", a.applicantName() + "已是在岗社区工作者，不能重复聘用");
            }
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (Application a : proposed) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into community_worker (id_number, worker_name, community_code, round_id, application_id, appointed_by, appointed_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.idNumber(), a.applicantName(), a.communityCode(), roundId, a.id(), actor, Timestamp.from(Instant.now()))
                    .update(key, "id");
            ids.add(key.getKey().longValue());
        }
        status(roundId, RoundStatus.DIRECTORS);
        audit.record(ENTITY, roundId, null, null, "WORKERS_APPOINTED", actor, null, null, Map.of("workers", ids));
        return ids;
    }

    public List<Worker> workers(String communityCode) {
        return jdbc.sql("select id, id_number, worker_name, community_code, round_id from community_worker where community_code = ? order by id")
                .param(communityCode).query(RecordRows.of(Worker.class)).list();
    }

    public List<Worker> roundWorkers(long roundId) {
        return jdbc.sql("select id, id_number, worker_name, community_code, round_id from community_worker where round_id = ? order by id")
                .param(roundId).query(RecordRows.of(Worker.class)).list();
    }

    @Transactional
    public void director(String communityCode, Worker worker, long roundId, String actor) {
        jdbc.sql("insert into community_director (community_code, worker_id, round_id, appointed_by, appointed_at) values (?, ?, ?, ?, ?)")
                .params(communityCode, worker.id(), roundId, actor, Timestamp.from(Instant.now())).update();
        audit.record(ENTITY, roundId, null, null, "DIRECTOR_APPOINTED", actor, worker.workerName(), null,
                Map.of("community", communityCode, "worker", worker.id()));
    }

    /** The current director (主任) of a community: the latest appointment. */
    public Optional<Director> currentDirector(String communityCode) {
        return jdbc.sql("""
                select d.id, d.community_code, d.worker_id, w.worker_name, d.round_id, d.appointed_by
                from community_director d join community_worker w on w.id = d.worker_id
                where d.community_code = ? order by d.id desc""")
                .param(communityCode).query(RecordRows.of(Director.class)).list().stream().findFirst();
    }
}
