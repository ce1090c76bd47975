package cn.minzheng.bureau.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.campaign.CampaignService;
import cn.minzheng.bureau.payroll.PayrollStarter;

/**
 * Demo data for the money side: next month's payroll started by finance (the demo's approved cases
 * pay from next month), so finance finds it to check, and a survey campaign with one team, so the
 * team leader finds the team's share.
 */
@Component
public class DemoMoney {

    private final PayrollStarter payrolls;
    private final CampaignService campaigns;
    private final DibaoWalker walker;
    private final JdbcClient jdbc;

    public DemoMoney(PayrollStarter payrolls, CampaignService campaigns, DibaoWalker walker, JdbcClient jdbc) {
        this.payrolls = payrolls;
        this.campaigns = campaigns;
        this.walker = walker;
        this.jdbc = jdbc;
    }

    static final String CAMPAIGN_NAME = "年度集中摸底调查（演示）";

    /**
     * The demo's own campaign is the mark: a payroll alone is not, since a payroll of any month (one a test or the
     * demo year started) would otherwise leave the team leader without work.
     */
    public boolean present() {
        return jdbc.sql("select count(*) from survey_campaign where name = ?").param(CAMPAIGN_NAME).query(Long.class).single() > 0;
    }

    /** Next month's payroll (the one already started for that month, if any) and the campaign. */
    public void seed() {
        walker.as("finance", () -> payrolls.start(YearMonth.now().plusMonths(1)));
        walker.as("approver", () -> campaigns.start(CAMPAIGN_NAME, List.of("teamlead"),
                LocalDate.now().plusMonths(1), "approver"));
    }
}
