package cn.minzheng.bureau.relief;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** Downloads of a disaster's rosters: a township's (its own staff) or the district's (district roles). */
@RestController
@RequestMapping("/api/relief/disasters")
public class ReliefController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DisasterRepository disasters;
    private final RosterRepository roster;
    private final RegionRepository regions;
    private final CurrentUser currentUser;

    public ReliefController(DisasterRepository disasters, RosterRepository roster, RegionRepository regions,
                            CurrentUser currentUser) {
        this.disasters = disasters;
        this.roster = roster;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @Operation(summary = "灾害的受灾户名册（Excel）")
    @GetMapping("/{id}/rosters.xlsx")
    public ResponseEntity<byte[]> rosters(@PathVariable long id, @RequestParam(required = false) String township) {
        if (township == null) {
            currentUser.requireDistrictRole();
        } else {
            currentUser.requireTownship(township);
        }
        Disaster disaster = disasters.get(id);
        if (township != null && !disasters.townships(id).contains(township)) {
            throw new RuleViolation("NOT_AFFECTED", "该乡镇（街道）不在本次灾害的受灾范围内", 404);
        }
        String area = township == null ? "全区" : regions.find(township).map(Region::name).orElse(township);
        Map<String, String> names = new HashMap<>();
        for (Region t : regions.townships()) {
            names.put(t.code(), t.name());
            regions.children(t.code()).forEach(v -> names.put(v.code(), v.name()));
        }
        List<AffectedHousehold> households = roster.list(id, township);
        byte[] xlsx = new RosterWorkbook(disaster, area, names, households).toXlsx();
        String file = URLEncoder.encode(disaster.disasterNumber() + "-" + area + "-登记造册.xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + file).body(xlsx);
    }
}
