package cn.minzheng.bureau.region;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;

/**
 * Regions with their validity. {@link #find} also returns regions that a reorganisation closed (old
 * households, cases and payments still name them); lists and new registrations use current regions only.
 */
@Repository
public class RegionRepository {

    private static final String COLUMNS = "select code, name, kind, parent_code from region";

    private final JdbcClient jdbc;

    public RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Any region, current or closed. */
    public Optional<Region> find(String code) {
        return jdbc.sql(COLUMNS + " where code = ?")
                .param(code)
                .query(RecordRows.of(Region.class))
                .optional();
    }

    /** A region that is in force today (not closed by a reorganisation). */
    public Optional<Region> findCurrent(String code) {
        return jdbc.sql(COLUMNS + " where code = ? and valid_to is null")
                .param(code)
                .query(RecordRows.of(Region.class))
                .optional();
    }

    /** Regions by code, current or closed, in one query (codes not found are absent from the map). */
    public Map<String, Region> findAll(Collection<String> codes) {
        return byCode(COLUMNS + " where code in (:codes)", codes);
    }

    /** Regions in force today by code, in one query (codes not found or closed are absent from the map). */
    public Map<String, Region> findCurrentAll(Collection<String> codes) {
        return byCode(COLUMNS + " where code in (:codes) and valid_to is null", codes);
    }

    private Map<String, Region> byCode(String sql, Collection<String> codes) {
        List<String> wanted = codes.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(sql).param("codes", wanted).query(RecordRows.of(Region.class)).list().stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
    }

    /** Current townships and street offices: the areas that own cases, tasks and clerks. */
    public List<Region> townships() {
        return jdbc.sql(COLUMNS + " where kind in ('TOWNSHIP','STREET_OFFICE') and valid_to is null order by code")
                .query(RecordRows.of(Region.class))
                .list();
    }

    /** The current villages / communities of a township (or townships of the district). */
    public List<Region> children(String parentCode) {
        return jdbc.sql(COLUMNS + " where parent_code = ? and valid_to is null order by code")
                .param(parentCode)
                .query(RecordRows.of(Region.class))
                .list();
    }

    /** Every current region. */
    public List<Region> current() {
        return jdbc.sql(COLUMNS + " where valid_to is null order by code").query(RecordRows.of(Region.class)).list();
    }

    /** Every region, current or closed, the district first. */
    public List<Region> all() {
        return jdbc.sql(COLUMNS + " order by case when parent_code is null then 0 else 1 end, code")
                .query(RecordRows.of(Region.class)).list();
    }

    /**
     * Removes every region but the district, villages and communities before their townships: only for a region
     * table that no household, case or other record names yet (the foreign keys refuse otherwise).
     */
    public void deleteAllBelowDistrict() {
        jdbc.sql("delete from region where kind in ('VILLAGE','COMMUNITY')").update();
        jdbc.sql("delete from region where kind <> 'DISTRICT'").update();
    }

    /** Whether the code was ever used, by a current or a closed region (codes are never reused). */
    public boolean exists(String code) {
        return jdbc.sql("select count(*) from region where code = ?").param(code).query(Long.class).single() > 0;
    }

    public void insert(Region region, LocalDate validFrom) {
        jdbc.sql("insert into region (code, name, kind, parent_code, valid_from) values (?, ?, ?, ?, ?)")
                .params(region.code(), region.name(), region.kind().name(), region.parentCode(), validFrom)
                .update();
    }

    public void rename(String code, String name) {
        jdbc.sql("update region set name = ? where code = ?").params(name, code).update();
    }

    public void moveTo(String code, String parentCode) {
        jdbc.sql("update region set parent_code = ? where code = ?").params(parentCode, code).update();
    }

    public void close(String code, String successorCode, LocalDate validTo) {
        jdbc.sql("update region set valid_to = ?, successor_code = ? where code = ? and valid_to is null")
                .params(validTo, successorCode, code)
                .update();
    }
}
