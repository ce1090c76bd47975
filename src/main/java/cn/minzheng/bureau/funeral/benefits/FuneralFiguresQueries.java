package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RecordRows;

/**
 * The 殡葬 figures of a year, per township and month of death: confirmed deaths, cremations and the cremation rate,
 * eco-burials, fees waived (claims verified or settled) and settled with the funeral homes, eco-burial rewards granted
 * and paid (their payments sent to the bank). Read-only.
 */
@Component
public class FuneralFiguresQueries {

    private final JdbcClient jdbc;

    public FuneralFiguresQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One township's month; {@code cremationRate} in per cent, one place (null without deaths). */
    public record MonthFigures(String townshipCode, String townshipName, String month, long deaths, long cremations,
                               BigDecimal cremationRate, long ecoBurials, BigDecimal waivedAmount, BigDecimal settledAmount,
                               BigDecimal rewardsGranted, BigDecimal rewardsPaid) {
    }

    private record Row(String townshipCode, String townshipName, int deathMonth, long deaths, long cremations,
                       long ecoBurials, BigDecimal waivedAmount, BigDecimal settledAmount, BigDecimal rewardsGranted,
                       BigDecimal rewardsPaid) {
    }

    public List<MonthFigures> year(int year) {
        return jdbc.sql("""
                select d.township_code, r.name as township_name, extract(month from d.death_date) as death_month,
                    count(*) as deaths,
                    sum(case when d.cremated then 1 else 0 end) as cremations,
                    sum(case when d.burial_kind in ('TREE', 'FLOWER', 'SEA') then 1 else 0 end) as eco_burials,
                    coalesce(sum(c.waived), 0) as waived_amount, coalesce(sum(c.settled), 0) as settled_amount,
                    coalesce(sum(w.granted), 0) as rewards_granted, coalesce(sum(w.paid), 0) as rewards_paid
                from death_record d join region r on r.code = d.township_code
                left join (select death_record_id,
                        sum(case when status in ('VERIFIED', 'SETTLED') then waived_amount else 0 end) as waived,
                        sum(case when status = 'SETTLED' then waived_amount else 0 end) as settled
                    from funeral_fee_claim group by death_record_id) c on c.death_record_id = d.id
                left join (select e.death_record_id, sum(case when e.status = 'GRANTED' then e.amount else 0 end) as granted,
                        sum(coalesce(p.paid, 0)) as paid
                    from eco_burial_reward e left join (select one_off_enrolment_id, sum(amount) as paid from payment
                        where status = 'ISSUED' and one_off_enrolment_id is not null group by one_off_enrolment_id) p
                        on p.one_off_enrolment_id = e.enrolment_id
                    group by e.death_record_id) w on w.death_record_id = d.id
                where d.status = 'CONFIRMED' and extract(year from d.death_date) = ?
                group by d.township_code, r.name, extract(month from d.death_date)
                order by extract(month from d.death_date), d.township_code""")
                .param(year).query(RecordRows.of(Row.class)).list().stream()
                .map(r -> new MonthFigures(r.townshipCode(), r.townshipName(), String.format("%d-%02d", year, r.deathMonth()),
                        r.deaths(), r.cremations(), FuneralYear.cremationRate(r.cremations(), r.deaths()),
                        r.ecoBurials(), Money.of(r.waivedAmount()), Money.of(r.settledAmount()), Money.of(r.rewardsGranted()),
                        Money.of(r.rewardsPaid())))
                .toList();
    }
}
