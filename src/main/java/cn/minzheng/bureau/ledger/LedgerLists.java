package cn.minzheng.bureau.ledger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.BankAccounts;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.HouseholdCategory;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The lists a clerk works from besides the household search: payments the bank returned as failed,
 * and the households on disaster rosters. Rows are plain cell values in column order; every query
 * is confined to the townships the user may see.
 */
@Repository
public class LedgerLists {

    /** A list: its title, column headings and the SQL that yields one row per line. */
    public enum Kind {
        FAILED_PAYMENTS("发放失败的低保金", List.of("发放月份", "收款人", "公民身份号码", "乡镇（街道）", "银行账号", "金额（元）", "失败原因", "登记时间"),
                """
                select p.benefit_month, p.payee_name, p.payee_id_number, r.name as township, f.bank_account,
                       p.amount - p.deducted_amount as amount,
                       f.reason, f.reported_at
                from payment_failure f
                join payment p on p.id = f.payment_id
                join region r on r.code = p.township_code
                where 1 = 1""", "p.township_code", " order by f.reported_at desc, f.id desc"),
        DISASTER_HOUSEHOLDS("灾情登记户", List.of("灾害", "户主", "公民身份号码", "乡镇（街道）", "村", "人口", "类别",
                "房屋受损", "需求（元）", "分配（元）", "已发放"),
                """
                select d.name as disaster, h.head_name, h.id_number, t.name as township, v.name as village, h.persons,
                       h.category, h.house_damage, h.need_amount, h.allocated_amount,
                       case when h.paid_at is null then '否' else '是' end as paid
                from relief_household h
                join relief_disaster d on d.id = h.disaster_id
                join region t on t.code = h.township_code
                join region v on v.code = h.village_code
                where 1 = 1""", "h.township_code", " order by h.disaster_id desc, h.township_code, h.id"),
        DEADLINES("临近或超过办理期限的案件", List.of("期限", "剩余天数", "待办环节", "案件编号", "申请人", "乡镇（街道）", "案件状态"),
                """
                select t.due_date_, t.due_date_ as days_left, t.name_, c.case_number, head.name, r.name as township, c.status
                from act_ru_task t
                join act_ru_execution e on e.id_ = t.proc_inst_id_
                join dibao_case c on c.case_number = e.business_key_
                join household_member head on head.household_id = c.household_id and head.relation = 'HEAD'
                join region r on r.code = c.township_code
                where t.due_date_ is not null""", "c.township_code", " order by t.due_date_, t.id_"),
        TIME_LIMITS("法定期限预警（临近或超过法定期限的低保案件）", List.of("期限届满", "状态", "法定期限", "案件编号", "申请人",
                "乡镇（街道）", "案件状态"),
                """
                select l.due_at, l.overrun_at, l.limit_kind, c.case_number, head.name, r.name as township, c.status,
                       l.extended_at
                from dibao_time_limit l
                join dibao_case c on c.id = l.case_id
                join household_member head on head.household_id = c.household_id and head.relation = 'HEAD'
                join region r on r.code = l.township_code
                where l.met_at is null""", "l.township_code", " order by l.due_at, l.id");

        private final String title;
        private final List<String> columns;
        private final String sql;
        private final String townshipColumn;
        private final String order;

        Kind(String title, List<String> columns, String sql, String townshipColumn, String order) {
            this.title = title;
            this.columns = columns;
            this.sql = sql;
            this.townshipColumn = townshipColumn;
            this.order = order;
        }

        public String title() {
            return title;
        }

        public List<String> columns() {
            return columns;
        }
    }

    /** A limit is near when at most this many working days are left after today. */
    public static final int NEAR_WORKING_DAYS = 2;

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;

    public LedgerLists(JdbcClient jdbc, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
    }

    public LedgerQueries.Page<List<Object>> page(Kind kind, LedgerUser user, String township, int page) {
        LedgerQueries.Where where = where(kind, user, township);
        long total = where.bind(jdbc.sql("select count(*) from (" + kind.sql + where.sql() + ") q"))
                .query(Long.class).single();
        List<List<Object>> rows = new ArrayList<>();
        each(kind, user, township, " limit " + HouseholdSearch.PAGE_SIZE + " offset "
                + (long) Math.max(page, 0) * HouseholdSearch.PAGE_SIZE, rows::add);
        return new LedgerQueries.Page<>(rows, total, Math.max(page, 0), HouseholdSearch.PAGE_SIZE);
    }

    public void all(Kind kind, LedgerUser user, String township, Consumer<List<Object>> sink) {
        each(kind, user, township, "", sink);
    }

    /** The user's area, narrowed to one township when the user asks for it. */
    private LedgerQueries.Where where(Kind kind, LedgerUser user, String township) {
        LedgerQueries.Where where = new LedgerQueries.Where();
        if (kind == Kind.TIME_LIMITS) {
            // past the limit, or at most NEAR_WORKING_DAYS working days left
            Date horizon = workingDays.deadline(EngineClock.now(), NEAR_WORKING_DAYS);
            where.and("(l.overrun_at is not null or l.due_at <= ?)", new Timestamp(horizon.getTime()));
        }
        where.area(kind.townshipColumn, user);
        if (township != null && !township.isBlank()) {
            where.and(kind.townshipColumn + " = ?", township.trim());
        }
        return where;
    }

    private void each(Kind kind, LedgerUser user, String township, String limit, Consumer<List<Object>> sink) {
        LedgerQueries.Where where = where(kind, user, township);
        try (var rows = where.bind(jdbc.sql(kind.sql + where.sql() + kind.order + limit)).query((rs, n) -> {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getObject(i));
            }
            return row;
        }).stream()) {
            rows.map(row -> masked(kind, row)).forEach(sink);
        }
    }

    /** ID numbers and bank accounts masked, codes and dates as a clerk reads them. */
    private List<Object> masked(Kind kind, List<Object> row) {
        switch (kind) {
            case FAILED_PAYMENTS -> {
                row.set(2, ResidentIdNumber.mask((String) row.get(2)));
                row.set(4, BankAccounts.mask((String) row.get(4)));
            }
            case DISASTER_HOUSEHOLDS -> {
                row.set(2, ResidentIdNumber.mask((String) row.get(2)));
                row.set(6, HouseholdCategory.valueOf((String) row.get(6)).label());
                row.set(7, HouseDamage.valueOf((String) row.get(7)).label());
            }
            case DEADLINES -> {
                LocalDateTime due = ((Timestamp) row.get(0)).toLocalDateTime();
                long daysLeft = Duration.between(LocalDateTime.now(), due).toDays();
                row.set(0, due.toLocalDate().toString());
                row.set(1, daysLeft < 0 ? "已逾期" + (-daysLeft) + "天" : String.valueOf(daysLeft));
                row.set(6, CaseStatus.valueOf((String) row.get(6)).label());
            }
            case TIME_LIMITS -> {
                Date due = new Date(((Timestamp) row.get(0)).getTime());
                int left = workingDays.workingDaysLeft(due, EngineClock.now());
                row.set(0, due.toInstant().atZone(WorkingCalendar.ZONE).toLocalDate().minusDays(1).toString());
                row.set(1, row.get(1) != null ? "已超期，已报上级督办"
                        : left < 0 ? "已超期" : left == 0 ? "今日届满" : "剩余" + left + "个工作日");
                LimitKind limit = LimitKind.valueOf((String) row.get(2));
                row.set(2, limit.label() + (row.get(7) != null ? "（已延长至" + LimitKind.EXTENDED_PROCEDURE_DAYS + "个工作日）" : ""));
                row.set(6, CaseStatus.valueOf((String) row.get(6)).label());
                row.remove(7);
            }
        }
        return row;
    }

}
