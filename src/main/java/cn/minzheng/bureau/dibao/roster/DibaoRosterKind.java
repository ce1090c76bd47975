package cn.minzheng.bureau.dibao.roster;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.StandardService.Standard;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.importing.kind.RosterBatch;
import cn.minzheng.bureau.importing.kind.RosterKind;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The 低保 roster (低保在保家庭): the active households with their members, incomes and case, one row per member.
 * Only the administrator imports it: an import takes cases in without the approval procedure. It imports 低保 only;
 * its persons meet the rules of every enrolment in 低保 ({@link DibaoRosterRecords}: one open 低保 case per person,
 * the cross-program rules) at validation, and the cross-program rules again at commit, a chunk at a time.
 */
@Component
@Order(1)
public class DibaoRosterKind implements RosterKind {

    private final RegionRepository regions;
    private final StandardService standards;
    private final HouseholdRepository households;
    private final DibaoCaseRepository cases;
    private final AuditTrail audit;
    private final DibaoRosterExport export;
    private final DibaoRosterRecords records;

    public DibaoRosterKind(RegionRepository regions, StandardService standards, HouseholdRepository households,
                           DibaoCaseRepository cases, AuditTrail audit, DibaoRosterExport export,
                           CrossProgramRules crossProgramRules) {
        this.regions = regions;
        this.standards = standards;
        this.households = households;
        this.cases = cases;
        this.audit = audit;
        this.export = export;
        this.records = new DibaoRosterRecords(cases, crossProgramRules, households);
    }

    @Override
    public String code() {
        return "DIBAO";
    }

    @Override
    public String label() {
        return "低保在保家庭";
    }

    @Override
    public String templateFile() {
        return "低保在保家庭导入模板.xlsx";
    }

    @Override
    public List<String> headers() {
        return DibaoRosterColumns.HEADERS;
    }

    @Override
    public List<String> notes() {
        return DibaoRosterColumns.NOTES;
    }

    @Override
    public List<Object[]> exampleRows() {
        return List.of(
                new Object[] {"1", "岳村乡", "东岳村", "东岳村5号", "中国农业银行", "6228480012345678901", "王建设",
                        "11010519491231002X", "户主", "灵活就业", "无", new BigDecimal("300.00"), new BigDecimal("0.00"),
                        "一般困难家庭", new BigDecimal("650.00"), "2024-01"},
                new Object[] {"1", null, null, null, null, null, "李秀英", "110105195001010029", "配偶", "丧失劳动能力",
                        "重度（一、二级）", new BigDecimal("0.00"), new BigDecimal("100.00"), null, null, null});
    }

    @Override
    public List<String> importers() {
        return List.of(Groups.ADMIN);
    }

    @Override
    public String importersOnly() {
        return "只有系统管理员可以导入名册";
    }

    @Override
    public String claimedMeanwhile() {
        return "文件中有人员在导入期间已被登记到其他在办或在保案件";
    }

    /** Only current regions: a community merged away by a reorganisation takes no new households. */
    @Override
    public RowChecker checker(RosterBatch batch) {
        Map<AreaType, Map<CaseCategory, Standard>> cache = new EnumMap<>(AreaType.class);
        return new DibaoRosterChecker(regions.current(), (area, category) -> cache
                .computeIfAbsent(area, a -> new EnumMap<>(CaseCategory.class))
                .computeIfAbsent(category, c -> standards.standardFor(area, c)), YearMonth.from(EngineClock.today()),
                records::of);
    }

    @Override
    public Writer writer(RosterBatch batch, String actor, String reason) {
        return new DibaoRosterWriter(batch, actor, reason, regions, standards, households, cases, audit,
                records::refusedAtCommit);
    }

    @Override
    public boolean export(Long importBatchId, String township, RowSink sheet) {
        export.activeCases(importBatchId, township, sheet);
        return true;
    }
}
