package cn.minzheng.bureau.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.application.DibaoApplicationForm;
import cn.minzheng.bureau.dibao.verification.AgencyRecord;
import cn.minzheng.bureau.dibao.verification.AgencyRecordKind;
import cn.minzheng.bureau.dibao.verification.AgencyRecordRepository;

/**
 * What the agencies hold on the demo applicants, in the bureau's own records, so that the economic-status
 * check of each demo case finds something: a home and a small deposit of the head of household, and the
 * residents' pension of a member over 60. None of it makes a demo case ineligible.
 */
@Component
class DemoAgencyRecords {

    private final AgencyRecordRepository records;

    DemoAgencyRecords(AgencyRecordRepository records) {
        this.records = records;
    }

    void recordFor(DibaoApplicationForm form) {
        LocalDate asOf = LocalDate.now().withDayOfMonth(1);
        var members = form.household().members();
        String head = members.get(0).idNumber();
        records.insert(new AgencyRecord(head, AgencyRecordKind.REAL_ESTATE, "区不动产登记中心",
                "自有住房一处（" + form.household().address() + "）", null, false, false, asOf));
        records.insert(new AgencyRecord(head, AgencyRecordKind.DEPOSIT, "农村商业银行", "活期储蓄",
                new BigDecimal("1860.00"), false, false, asOf));
        for (var member : members) {
            String id = member.idNumber();
            if (id != null && id.length() == 18 && Integer.parseInt(id.substring(6, 10)) <= asOf.getYear() - 60) {
                records.insert(new AgencyRecord(id, AgencyRecordKind.SOCIAL_INSURANCE, "区社会保险事业管理局",
                        "城乡居民基本养老保险待遇", new BigDecimal("168.00"), false, false, asOf));
            }
        }
    }
}
