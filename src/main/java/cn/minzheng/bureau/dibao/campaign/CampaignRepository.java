package cn.minzheng.bureau.dibao.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.dibao.CaseStatus;

/** The tables of a survey campaign: survey_campaign, its teams and its items (one per case covered). */
@Repository
public class CampaignRepository {

    /** Cases the campaign covers: active cases and applications still in progress. */
    private static final List<CaseStatus> COVERED = List.of(CaseStatus.APPROVED, CaseStatus.APPLIED,
            CaseStatus.UNDER_SURVEY, CaseStatus.UNDER_REVIEW, CaseStatus.IN_NOTICE);

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One case of a team's share, as its form lists it. */
    public record ShareLine(long caseId, String caseNumber, String townshipName, String headName, CaseStatus caseStatus) {
    }

    /** A case the team found changed or gone, with what it found. */
    public record Finding(long caseId, CampaignResult result, String finding) {
    }

    /** A new open campaign with one team per leader (team numbers from 0); returns its id. */
    public long insert(String name, List<String> teamLeads, LocalDate deadline, String actor, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into survey_campaign (name, team_count, deadline, status, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(name, teamLeads.size(), java.sql.Date.valueOf(deadline), CampaignStatus.OPEN.name(), actor,
                        Timestamp.from(at))
                .update(key, "id");
        long campaignId = key.getKey().longValue();
        for (int team = 0; team < teamLeads.size(); team++) {
            jdbc.sql("insert into survey_campaign_team (campaign_id, team_no, leader_user) values (?, ?, ?)")
                    .params(campaignId, team, teamLeads.get(team)).update();
        }
        return campaignId;
    }

    public void attachProcess(long campaignId, String processInstanceId) {
        jdbc.sql("update survey_campaign set process_instance_id = ? where id = ?").params(processInstanceId, campaignId).update();
    }

    /** Every covered case of the district to one team, set-wise (by case id, spread evenly); a case once. */
    public void split(long campaignId, int teams) {
        String covered = COVERED.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        jdbc.sql("""
                insert into survey_campaign_item (campaign_id, case_id, team_no, case_status)
                select ?, c.id, mod(c.id, ?), c.status from dibao_case c
                where c.status in (%s)
                  and not exists (select 1 from survey_campaign_item i where i.campaign_id = ? and i.case_id = c.id)"""
                .formatted(covered))
                .params(campaignId, teams, campaignId).update();
    }

    public String leaderOf(long campaignId, int teamNo) {
        return jdbc.sql("select leader_user from survey_campaign_team where campaign_id = ? and team_no = ?")
                .params(campaignId, teamNo).query(String.class).single();
    }

    /** A team's share, by township and case number. */
    public List<ShareLine> share(long campaignId, int team) {
        return jdbc.sql("""
                select i.case_id, c.case_number, r.name as township_name,
                    (select min(m.name) from household_member m where m.household_id = c.household_id and m.relation = 'HEAD') as head_name,
                    i.case_status
                from survey_campaign_item i join dibao_case c on c.id = i.case_id join region r on r.code = c.township_code
                where i.campaign_id = ? and i.team_no = ? order by c.township_code, c.case_number""")
                .params(campaignId, team).query(RecordRows.of(ShareLine.class)).list();
    }

    /** The team's results, one per case of its share, and the leader's sign-off. */
    public void recordSignOff(long campaignId, int team, Map<Long, Finding> results, String leader, Instant at) {
        Timestamp now = Timestamp.from(at);
        results.forEach((caseId, r) -> jdbc.sql("""
                update survey_campaign_item set result = ?, finding = ?, recorded_by = ?, recorded_at = ?
                where campaign_id = ? and case_id = ?""")
                .params(r.result().name(), r.finding(), leader, now, campaignId, caseId).update());
        jdbc.sql("update survey_campaign_team set signed_off_by = ?, signed_off_at = ? where campaign_id = ? and team_no = ?")
                .params(leader, now, campaignId, team).update();
    }

    /** The active cases the teams found with one of these results. */
    public List<Long> activeCasesFound(long campaignId, CampaignResult result) {
        return jdbc.sql("""
                select i.case_id from survey_campaign_item i join dibao_case c on c.id = i.case_id
                where i.campaign_id = ? and i.result = ? and c.status = ? order by i.case_id""")
                .params(campaignId, result.name(), CaseStatus.APPROVED.name()).query(Long.class).list();
    }

    /** The active cases the teams found changed or gone, with what they found. */
    public List<Finding> activeCasesChanged(long campaignId) {
        List<String> changed = Arrays.asList(CampaignResult.CHANGE.name(), CampaignResult.CANCEL.name());
        return jdbc.sql("""
                select i.case_id, i.result, i.finding from survey_campaign_item i join dibao_case c on c.id = i.case_id
                where i.campaign_id = ? and i.result in (?, ?) and c.status = ? order by i.case_id""")
                .params(campaignId, changed.get(0), changed.get(1), CaseStatus.APPROVED.name())
                .query(RecordRows.of(Finding.class)).list();
    }

    public void close(long campaignId, Instant at) {
        jdbc.sql("update survey_campaign set status = ?, closed_at = ? where id = ?")
                .params(CampaignStatus.CLOSED.name(), Timestamp.from(at), campaignId).update();
    }
}
