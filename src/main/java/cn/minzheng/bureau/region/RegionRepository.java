package cn.minzheng.bureau.region;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RegionRepository {

    private final JdbcClient jdbc;

    public RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(String code) {
        return jdbc.sql("select code, name, kind, parent_code from region where code = ?")
                .param(code)
                .query(Region.class)
                .optional();
    }

    /** Townships and street offices: the areas that own cases, tasks and clerks. */
    public List<Region> townships() {
        return jdbc.sql("select code, name, kind, parent_code from region where kind in ('TOWNSHIP','STREET_OFFICE') order by code")
                .query(Region.class)
                .list();
    }

    public List<Region> children(String parentCode) {
        return jdbc.sql("select code, name, kind, parent_code from region where parent_code = ? order by code")
                .param(parentCode)
                .query(Region.class)
                .list();
    }
}
