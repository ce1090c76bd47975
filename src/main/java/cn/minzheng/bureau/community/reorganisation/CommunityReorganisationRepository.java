package cn.minzheng.bureau.community.reorganisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;

/** Plans, the decisions on them and the before/after record of what an applied plan moved. */
@Repository
public class CommunityReorganisationRepository {

    private static final String PLAN_COLUMNS = "id, title, plan_json, status, process_instance_id, drafted_by, approved_by, applied_at";

    public record Plan(long id, String title, String planJson, String status, String processInstanceId, String draftedBy,
                       String approvedBy, Timestamp appliedAt) {
    }

    public record Decision(String step, String townshipCode, String decision, String comment, String decidedBy,
                           Timestamp decidedAt) {
    }

    public record Change(String entityType, String entityId, String beforeTownship, String beforeCommunity,
                         String beforeValue, String afterTownship, String afterCommunity, String afterValue) {
    }

    private final JdbcClient jdbc;

    public CommunityReorganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String title, String planJson, String draftedBy) {
        Timestamp now = now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reorg_plan (title, plan_json, status, drafted_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(title, planJson, PlanStatus.DRAFT.name(), draftedBy, now, now).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<Plan> find(long id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from reorg_plan where id = ?").param(id).query(RecordRows.of(Plan.class)).optional();
    }

    /** The plan, locked until the transaction ends: two applications of one plan run one after the other. */
    public Plan lock(long id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from reorg_plan where id = ? for update").param(id)
                .query(RecordRows.of(Plan.class)).single();
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update reorg_plan set process_instance_id = ?, updated_at = ? where id = ?")
                .params(processInstanceId, now(), id).update();
    }

    public void updateDraft(long id, String title, String planJson) {
        jdbc.sql("update reorg_plan set title = ?, plan_json = ?, status = ?, updated_at = ? where id = ?")
                .params(title, planJson, PlanStatus.IN_REVIEW.name(), now(), id).update();
    }

    public void changeStatus(long id, PlanStatus status) {
        jdbc.sql("update reorg_plan set status = ?, updated_at = ? where id = ?").params(status.name(), now(), id).update();
    }

    public void markApplied(long id, String approvedBy) {
        Timestamp now = now();
        jdbc.sql("update reorg_plan set status = ?, approved_by = ?, applied_at = ?, updated_at = ? where id = ?")
                .params(PlanStatus.APPLIED.name(), approvedBy, now, now, id).update();
    }

    public void decide(long planId, String step, String townshipCode, String decision, String comment, String user) {
        jdbc.sql("""
                insert into reorg_decision (plan_id, step, township_code, decision, comment, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, step, townshipCode, decision, comment, user, now()).update();
    }

    public List<Decision> decisions(long planId) {
        return jdbc.sql("select step, township_code, decision, comment, decided_by, decided_at from reorg_decision where plan_id = ? order by id")
                .param(planId).query(RecordRows.of(Decision.class)).list();
    }

    public void change(long planId, Change change) {
        jdbc.sql("""
                insert into reorg_change (plan_id, entity_type, entity_id, before_township, before_community, before_value,
                    after_township, after_community, after_value, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, change.entityType(), change.entityId(), change.beforeTownship(), change.beforeCommunity(),
                        truncate(change.beforeValue()), change.afterTownship(), change.afterCommunity(),
                        truncate(change.afterValue()), now())
                .update();
    }

    public List<Change> changes(long planId) {
        return jdbc.sql("""
                select entity_type, entity_id, before_township, before_community, before_value, after_township,
                    after_community, after_value from reorg_change where plan_id = ? order by id""")
                .param(planId).query(RecordRows.of(Change.class)).list();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
