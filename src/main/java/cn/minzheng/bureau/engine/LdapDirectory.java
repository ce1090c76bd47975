package cn.minzheng.bureau.engine;

import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Directory login (profile {@code ldap}): Camunda's LDAP identity provider plugin reads users, groups and
 * passwords from the bureau's directory instead of the engine's tables, every property of the plugin set from
 * {@code bureau.ldap.*} (application-ldap.yml, docs/security.md). The engine's identity service is then read-only:
 * users, groups and memberships are kept in the directory, authorizations stay in the engine.
 */
@Configuration
@Profile("ldap")
public class LdapDirectory {

    @Bean
    @ConfigurationProperties(prefix = "bureau.ldap")
    public LdapIdentityProviderPlugin ldapIdentityProviderPlugin() {
        return new LdapIdentityProviderPlugin();
    }
}
