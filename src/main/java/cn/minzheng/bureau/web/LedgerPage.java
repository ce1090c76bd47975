package cn.minzheng.bureau.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of the ledgers' HTML pages (behind the webapp login): a refused request gets a Chinese
 * page in the ledgers' style (ledger.LedgerErrors), not the API's JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface LedgerPage {
}
