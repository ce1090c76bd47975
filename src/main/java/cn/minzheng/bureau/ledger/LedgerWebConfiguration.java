package cn.minzheng.bureau.ledger;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class LedgerWebConfiguration implements WebMvcConfigurer {

    private final LedgerLogin login;

    public LedgerWebConfiguration(LedgerLogin login) {
        this.login = login;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(login).addPathPatterns("/ledger", "/ledger/**");
    }
}
