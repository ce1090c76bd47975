package cn.minzheng.bureau.youfu;

import cn.minzheng.bureau.household.Labelled;

/**
 * The categories of 优抚对象, with the certificate each proves itself by and the evidence it needs: a 残疾军人 his
 * grade, cause and date of assessment; a survivor (烈属, 因公牺牲军人遗属, 病故军人遗属) the serviceman's name and date
 * of death; a veteran the dates of enlistment and discharge.
 */
public enum YoufuCategory implements Labelled {
    DISABLED_SOLDIER("残疾军人", "残疾军人证", "军残", Evidence.DISABILITY),
    MARTYR_SURVIVOR("烈士遗属", "烈士证明书", "烈", Evidence.DEATH),
    DUTY_DEATH_SURVIVOR("因公牺牲军人遗属", "因公牺牲军人证明书", "牺", Evidence.DEATH),
    ILLNESS_DEATH_SURVIVOR("病故军人遗属", "病故军人证明书", "病故", Evidence.DEATH),
    DEMOBILISED_VETERAN("在乡老复员军人", "复员军人证", "复", Evidence.SERVICE),
    ILL_DISCHARGED_VETERAN("带病回乡退伍军人", "退伍军人证", "退", Evidence.SERVICE),
    WAR_PARTICIPANT("参战参试退役人员", "退伍军人证", "退", Evidence.SERVICE),
    RURAL_VETERAN_60("农村60周岁以上退役士兵", "退伍军人证", "退", Evidence.SERVICE);

    /** What a category is proven by besides its certificate. */
    public enum Evidence {
        DISABILITY, DEATH, SERVICE
    }

    private final String label;
    private final String certificate;
    private final String certificateCode;
    private final Evidence evidence;

    YoufuCategory(String label, String certificate, String certificateCode, Evidence evidence) {
        this.label = label;
        this.certificate = certificate;
        this.certificateCode = certificateCode;
        this.evidence = evidence;
    }

    @Override
    public String label() {
        return label;
    }

    /** The certificate's name (残疾军人证). */
    public String certificate() {
        return certificate;
    }

    /** The word of the certificate number between the province and 字第 (冀<b>军残</b>字第012345号). */
    public String certificateCode() {
        return certificateCode;
    }

    public Evidence evidence() {
        return evidence;
    }
}
