package cn.minzheng.bureau.dibao.verification;

/**
 * Where the economic-status check (居民家庭经济状况核对) gets its answers: the bureau's own records
 * ({@link BureauRecordsProvider}), or a connector to the agencies' verification platform. The worker calls it
 * with a time limit; a provider that throws, or does not answer in time, leaves the case waiting with an
 * incident (docs/dibao-rules.md, "How a real agency connector plugs in").
 */
public interface EconomicStatusProvider {

    /** The provider's name as the report and the audit name it, e.g. "区民政局核对记录". */
    String name();

    /** Every record the agencies hold on these people; an empty list when they hold none. */
    java.util.List<AgencyRecord> check(EconomicStatusRequest request) throws Exception;
}
