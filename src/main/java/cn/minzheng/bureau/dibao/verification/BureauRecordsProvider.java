package cn.minzheng.bureau.dibao.verification;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The provider shipped with the application: answers from agency_record, the bureau's own copy of the
 * agencies' data. A real connector is another {@link EconomicStatusProvider} bean marked {@code @Primary}, which the
 * worker then calls instead.
 */
@Component
public class BureauRecordsProvider implements EconomicStatusProvider {

    private final AgencyRecordRepository records;

    public BureauRecordsProvider(AgencyRecordRepository records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "区民政局核对记录";
    }

    @Override
    public List<AgencyRecord> check(EconomicStatusRequest request) {
        return records.forIdNumbers(request.idNumbers());
    }
}
