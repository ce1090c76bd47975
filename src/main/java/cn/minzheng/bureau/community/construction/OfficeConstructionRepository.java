package cn.minzheng.bureau.community.construction;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

/** Community office projects and their stages; every change with its audit entry, in one transaction. */
@Repository
public class OfficeConstructionRepository {

    static final String ENTITY = "COMMUNITY_OFFICE";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public OfficeConstructionRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Project(long id, String communityCode, String townshipCode, String projectName, BigDecimal plannedArea,
                          BigDecimal builtArea, BigDecimal handedOverArea, String status, String processInstanceId) {
    }

    public record StageRow(long projectId, Stage stage, LocalDate plannedDate, LocalDate actualDate, String note,
                           String recordedBy, Timestamp overdueAt, String supervisionNote, String supervisedBy) {
    }

    @Transactional
    public long open(String communityCode, String townshipCode, String name, BigDecimal plannedArea,
                     Map<Stage, LocalDate> plannedDates, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into community_office_project (community_code, township_code, project_name, planned_area, status,
                    process_instance_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityCode, townshipCode, name, plannedArea, Stage.PLANNING_APPROVAL.name(), processInstanceId,
                        actor, Timestamp.from(Instant.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (Stage stage : Stage.values()) {
            jdbc.sql("insert into community_office_stage (project_id, stage, planned_date) values (?, ?, ?)")
                    .params(id, stage.name(), plannedDates.get(stage)).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("community", communityCode);
        after.put("plannedArea", plannedArea.toPlainString());
        plannedDates.forEach((stage, date) -> after.put(stage.name(), date.toString()));
        audit.record(ENTITY, id, null, null, "OPENED", actor, name, null, after);
        return id;
    }

    public Optional<Project> find(long id) {
        return jdbc.sql("""
                select id, community_code, township_code, project_name, planned_area, built_area, handed_over_area, status,
                       process_instance_id from community_office_project where id = ?""")
                .param(id).query(RecordRows.of(Project.class)).optional();
    }

    public List<Project> list(String townshipCode) {
        return jdbc.sql("""
                select id, community_code, township_code, project_name, planned_area, built_area, handed_over_area, status,
                       process_instance_id from community_office_project
                where (cast(? as varchar(40)) is null or township_code = ?) order by id""")
                .params(townshipCode, townshipCode).query(RecordRows.of(Project.class)).list();
    }

    public List<StageRow> stages(long projectId) {
        return jdbc.sql("""
                select project_id, stage, planned_date, actual_date, note, recorded_by, overdue_at, supervision_note, supervised_by
                from community_office_stage where project_id = ?""")
                .param(projectId).query(RecordRows.of(StageRow.class)).list().stream()
                .sorted((a, b) -> a.stage().compareTo(b.stage())).toList();
    }

    public StageRow stage(long projectId, Stage stage) {
        return stages(projectId).stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }

    @Transactional
    public void recordStage(long projectId, Stage stage, LocalDate actualDate, String note, String actor) {
        jdbc.sql("update community_office_stage set actual_date = ?, note = ?, recorded_by = ? where project_id = ? and stage = ?")
                .params(actualDate, note, actor, projectId, stage.name()).update();
        Stage next = stage.ordinal() + 1 < Stage.values().length ? Stage.values()[stage.ordinal() + 1] : null;
        jdbc.sql("update community_office_project set status = ? where id = ?")
                .params(next == null ? "HANDED_OVER" : next.name(), projectId).update();
        audit.record(ENTITY, projectId, null, null, "STAGE_" + stage.name(), actor, note, null,
                Map.of("stage", stage.label(), "actualDate", actualDate.toString()));
    }

    public void builtArea(long projectId, BigDecimal area) {
        jdbc.sql("update community_office_project set built_area = ? where id = ?").params(area, projectId).update();
    }

    public void handedOverArea(long projectId, BigDecimal area) {
        jdbc.sql("update community_office_project set handed_over_area = ? where id = ?").params(area, projectId).update();
    }

    @Transactional
    public void overdue(long projectId, Stage stage) {
        jdbc.sql("update community_office_stage set overdue_at = ? where project_id = ? and stage = ?")
                .params(Timestamp.from(Instant.now()), projectId, stage.name()).update();
        audit.record(ENTITY, projectId, null, null, "STAGE_OVERDUE", "system", stage.label() + "逾期未完成", null,
                Map.of("stage", stage.name()));
    }

    @Transactional
    public void supervised(long projectId, Stage stage, String note, String actor) {
        jdbc.sql("update community_office_stage set supervision_note = ?, supervised_by = ? where project_id = ? and stage = ?")
                .params(note, actor, projectId, stage.name()).update();
        audit.record(ENTITY, projectId, null, null, "SUPERVISED", actor, note, null, Map.of("stage", stage.name()));
    }
}
