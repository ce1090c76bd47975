package cn.minzheng.bureau.payroll.bank;

/** One failed payment as a bank's return file states it, each field trimmed text, not yet checked. */
public record ReturnedPayment(String paymentId, String bankAccount, String amount, String reason) {
}
