package cn.minzheng.bureau.dibao.roster;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.importing.kind.RosterKind.RowSink;

/** Reads the active (在保) cases in the 低保 roster template's layout, one row per member: what an import takes in. */
@Component
class DibaoRosterExport {

    private static final BigDecimal[] NO_INCOME = {BigDecimal.ZERO, BigDecimal.ZERO};

    private final JdbcClient jdbc;

    DibaoRosterExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code importBatchId} limits it to what one import brought in, {@code township} to one township (null: all). */
    void activeCases(Long importBatchId, String township, RowSink sheet) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from region").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        String filter = " where c.status = :approved" + (importBatchId != null ? " and c.import_batch_id = :batch" : "")
                + (township != null ? " and c.township_code = :township" : "");
        Map<String, Object> params = new HashMap<>();
        params.put("approved", CaseStatus.APPROVED.name());
        if (importBatchId != null) {
            params.put("batch", importBatchId);
        }
        if (township != null) {
            params.put("township", township);
        }
        Map<Long, BigDecimal[]> incomes = incomes(filter, params);
        members(filter, params, names, incomes, sheet);
    }

    /** One row per member of an active case, the head first with the household's and the case's columns. */
    private void members(String filter, Map<String, Object> params, Map<String, String> names,
                         Map<Long, BigDecimal[]> incomes, RowSink sheet) {
        long[] lastCase = {-1};
        int[] key = {0};
        jdbc.sql("""
                select c.id as case_id, c.category, c.monthly_amount, c.start_month, h.township_code, h.community_code,
                       h.address, h.bank_name, h.bank_account, m.id as member_id, m.name, m.id_number, m.relation,
                       m.employment_status, m.disability_level
                from dibao_case c join household h on h.id = c.household_id
                join household_member m on m.household_id = h.id""" + filter
                + " and m.id_number in (select p.id_number from dibao_case_person p where p.case_id = c.id)"
                + " order by c.id, case when m.relation = 'HEAD' then 0 else 1 end, m.id")
                .params(params)
                .query(rs -> {
                    long caseId = rs.getLong("case_id");
                    boolean head = caseId != lastCase[0];
                    if (head) {
                        key[0]++;
                        lastCase[0] = caseId;
                    }
                    BigDecimal[] income = incomes.getOrDefault(rs.getLong("member_id"), NO_INCOME);
                    sheet.row(String.valueOf(key[0]),
                            head ? names.get(rs.getString("township_code")) : null,
                            head ? names.get(rs.getString("community_code")) : null,
                            head ? rs.getString("address") : null,
                            head ? rs.getString("bank_name") : null,
                            head ? rs.getString("bank_account") : null,
                            rs.getString("name"), rs.getString("id_number"),
                            Relation.valueOf(rs.getString("relation")).label(),
                            EmploymentStatus.valueOf(rs.getString("employment_status")).label(),
                            DisabilityLevel.valueOf(rs.getString("disability_level")).label(),
                            income[0].setScale(2), income[1].setScale(2),
                            head ? CaseCategory.valueOf(rs.getString("category")).label() : null,
                            head ? rs.getBigDecimal("monthly_amount") : null,
                            head ? rs.getString("start_month") : null);
                });
    }

    /** Member → {wages, other incomes} per month. */
    private Map<Long, BigDecimal[]> incomes(String filter, Map<String, Object> params) {
        Map<Long, BigDecimal[]> incomes = new HashMap<>();
        jdbc.sql("""
                select i.member_id, i.income_type, i.monthly_amount from income_item i
                join household_member m on m.id = i.member_id join dibao_case c on c.household_id = m.household_id"""
                + filter + " and i.income_type <> 'EXEMPT'")
                .params(params)
                .query(rs -> {
                    BigDecimal[] pair = incomes.computeIfAbsent(rs.getLong(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    int slot = "WAGE".equals(rs.getString(2)) ? 0 : 1;
                    pair[slot] = pair[slot].add(rs.getBigDecimal(3));
                });
        return incomes;
    }
}
