package cn.minzheng.bureau.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * Another district's regions instead of the demo district's: {@code bureau.regions.file} (BUREAU_REGIONS_FILE)
 * names an .xlsx or .csv ({@link RegionFile}) that replaces the region table at start, as long as no household
 * has been registered yet. It runs before the groups are set up, so the townships' and communities' groups are
 * those of the file. Later changes of regions in use go through 社区调整 (community reorganisation).
 */
@Component
public class RegionLoader {

    /** What a start did with the file. */
    public enum Outcome { LOADED, UNCHANGED, IN_USE }

    private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);

    private final RegionRepository regions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final String file;
    private final boolean demoData;

    public RegionLoader(RegionRepository regions, JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit,
                        @Value("${bureau.regions.file:}") String file,
                        @Value("${bureau.demo-data.enabled:false}") boolean demoData) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.file = file;
        this.demoData = demoData;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-1)
    public void loadConfiguredFile() {
        if (file == null || file.isBlank()) {
            return;
        }
        if (demoData) {
            throw new IllegalStateException("bureau.regions.file（BUREAU_REGIONS_FILE）不能与演示数据同时使用："
                    + "演示数据用的是演示区的乡镇和社区，请设置 BUREAU_DEMO_DATA=false");
        }
        Path path = Path.of(file);
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalStateException("无法读取区域文件 " + path.toAbsolutePath() + "（bureau.regions.file）", e);
        }
        Outcome outcome = load(path.getFileName().toString(), content);
        log.info("regions file {}: {}", path.toAbsolutePath(), outcome);
    }

    /** Replaces the regions with the file's unless they are already the same, or households already name them. */
    public Outcome load(String fileName, byte[] content) {
        List<Region> wanted = RegionFile.read(fileName, content);
        return transaction.execute(status -> replace(fileName, wanted));
    }

    private Outcome replace(String fileName, List<Region> wanted) {
        List<Region> current = regions.all();
        List<Region> wantedWithDistrict = wanted.get(0).kind() == RegionKind.DISTRICT ? wanted
                : concat(regions.find(RegionFile.DISTRICT).orElseThrow(), wanted);
        if (new HashSet<>(current).equals(new HashSet<>(wantedWithDistrict))) {
            return Outcome.UNCHANGED;
        }
        if (jdbc.sql("select count(*) from household").query(Long.class).single() > 0) {
            log.warn("regions file {} differs from the region table, which households already use: left unchanged; "
                    + "change regions in use through 社区调整 (community reorganisation)", fileName);
            return Outcome.IN_USE;
        }
        try {
            regions.deleteAllBelowDistrict();
            LocalDate today = LocalDate.now();
            for (Region region : wanted) {
                if (region.kind() == RegionKind.DISTRICT) {
                    regions.rename(RegionFile.DISTRICT, region.name());
                } else {
                    regions.insert(region, today);
                }
            }
        } catch (DataIntegrityViolationException e) {
            throw new RuleViolation("REGIONS_IN_USE", "已有业务记录引用现有区域，不能整体替换区域表；请通过“社区调整”流程修改", 409);
        }
        audit.record("REGION", 0, null, null, "REGIONS_LOADED", "system", "导入区域文件 " + fileName,
                Map.of("regions", current.size()), Map.of("regions", wantedWithDistrict.size()));
        return Outcome.LOADED;
    }

    private static List<Region> concat(Region district, List<Region> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(district), rest.stream()).toList();
    }
}
