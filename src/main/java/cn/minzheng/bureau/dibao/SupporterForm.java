package cn.minzheng.bureau.dibao;

/** A supporter as the application form or a REST client submits it: raw values, checked by {@link Supporters}. */
public record SupporterForm(String name, String idNumber, String relation, Object monthlyIncome) {
}
