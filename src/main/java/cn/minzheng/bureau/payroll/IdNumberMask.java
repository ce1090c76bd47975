package cn.minzheng.bureau.payroll;

/** The ID number as a bank file shows it: the first six and last four characters, the birth date hidden. */
public final class IdNumberMask {

    private IdNumberMask() {
    }

    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return "*".repeat(idNumber == null ? 0 : idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }
}
