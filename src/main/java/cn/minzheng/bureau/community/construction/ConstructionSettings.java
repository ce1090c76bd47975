package cn.minzheng.bureau.community.construction;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** bureau.community.construction.*: the floor-area standard of a community office. */
@Component
@ConfigurationProperties("bureau.community.construction")
public class ConstructionSettings {

    /** 社区办公用房面积标准 (m²): planned and handed-over area at least this. */
    private BigDecimal minimumFloorArea = new BigDecimal("450");

    public BigDecimal getMinimumFloorArea() {
        return minimumFloorArea;
    }

    public void setMinimumFloorArea(BigDecimal minimumFloorArea) {
        this.minimumFloorArea = minimumFloorArea;
    }
}
