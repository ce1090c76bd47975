package cn.minzheng.bureau.donation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Needy households per township, the weights of the donation plan: households with an approved
 * 低保 case, plus the households on the rosters of disasters of the last twelve months that are
 * not 低保 households already (each person counted once).
 */
@Component
public class NeedyHouseholds {

    private final JdbcClient jdbc;
    private final RegionRepository regions;

    public NeedyHouseholds(JdbcClient jdbc, RegionRepository regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    public Map<String, Long> perTownship(LocalDate asOf) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Region township : regions.townships()) {
            long dibao = jdbc.sql("select count(*) from dibao_case where township_code = ? and status = ?")
                    .params(township.code(), CaseStatus.APPROVED.name()).query(Long.class).single();
            long disaster = jdbc.sql("""
                    select count(distinct h.id_number) from relief_household h join relief_disaster d on d.id = h.disaster_id
                    where h.township_code = ? and h.dibao_case_id is null and d.occurred_at >= ? and d.occurred_at < ?""")
                    .params(township.code(), asOf.minusYears(1).atStartOfDay(), asOf.plusDays(1).atStartOfDay())
                    .query(Long.class).single();
            counts.put(township.code(), dibao + disaster);
        }
        return counts;
    }
}
