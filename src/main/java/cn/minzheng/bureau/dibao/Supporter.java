package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;

import cn.minzheng.bureau.household.ResidentIdNumber;

/** A legal supporter (赡养、抚养、扶养义务人) outside the household, as recorded on the case; income is monthly yuan. */
public record Supporter(String name, ResidentIdNumber idNumber, SupporterRelation relation, BigDecimal monthlyIncome) {
}
