package cn.minzheng.bureau.household;

/** Bank account numbers as lists, logs and exports that do not need them in full show them. */
public final class BankAccounts {

    private BankAccounts() {
    }

    /** Keeps the first four and last four digits: 6228********1234. */
    public static String mask(String account) {
        if (account == null || account.length() <= 8) {
            return account == null ? null : "****";
        }
        return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
    }
}
