package cn.minzheng.bureau.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;

import cn.minzheng.bureau.access.AccessSetup;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * Directory login (profile ldap) against a directory the test starts (UnboundID's in-memory LDAP server): staff
 * log in to Tasklist and the API with their directory account, the directory's groups are the platform's groups,
 * and what creates groups (access setup, a community reorganisation's new township) works with the read-only
 * identity provider, granting rights to the groups the directory keeps.
 */
@Tag("ldap") // runs alone (./mvnw -Pldap test): its engine must not meet the suite's other application contexts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no job executor: this context's engine shares the suite's database, and its jobs would look people up in
        // this test's directory instead of the engine's tables the other contexts use
        properties = {"spring.profiles.include=ldap", "bureau.demo-data.enabled=false", "camunda.bpm.job-execution.enabled=false"})
class LdapDirectoryTest {

    private static final String BASE = "dc=minzheng,dc=example";
    private static final InMemoryDirectoryServer DIRECTORY = directory();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    AccessSetup accessSetup;

    @DynamicPropertySource
    static void directorySettings(DynamicPropertyRegistry registry) {
        registry.add("bureau.ldap.server-url", () -> "ldap://127.0.0.1:" + DIRECTORY.getListenPort() + "/");
        registry.add("bureau.ldap.manager-dn", () -> "cn=platform," + BASE);
        registry.add("bureau.ldap.manager-password", () -> "Platform#Search1");
        registry.add("bureau.ldap.base-dn", () -> BASE);
    }

    @AfterAll
    static void stop() {
        DIRECTORY.shutDown(true);
    }

    @Test
    void staffLogInWithTheirDirectoryAccountAndGetTheirGroupsWork() {
        assertThat(identityService.isReadOnly()).isTrue();
        assertThat(identityService.checkPassword("wang.li", "Yuecun#Clerk2026")).isTrue();
        assertThat(identityService.checkPassword("wang.li", "demo")).isFalse();
        assertThat(identityService.createGroupQuery().groupMember("wang.li").list()).extracting(Group::getId)
                .containsExactly("clerk-yuecun");
        assertThat(identityService.createUserQuery().userId("wang.li").singleResult().getFirstName()).isEqualTo("王丽");

        WebappSession clerk = new WebappSession(port);
        HttpResponse<String> login = clerk.login("wang.li", "Yuecun#Clerk2026");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> ledger = clerk.get("/ledger/calendar");
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("王丽");
        assertThat(new WebappSession(port).login("wang.li", "wrong").statusCode()).isEqualTo(401);

        // the API with HTTP Basic: the directory's password, the rights of the directory's group
        Http api = new Http(port);
        assertThat(api.getWithPassword("liu.shufen", "Caiwu#Finance2026", "/api/payrolls/987654321").status())
                .as("finance, logged in: no such payroll").isEqualTo(404);
        Http.Response clerkApi = api.getWithPassword("wang.li", "Yuecun#Clerk2026", "/api/payrolls/987654321");
        assertThat(clerkApi.status()).as("a clerk is no finance").isEqualTo(403);
        assertThat(clerkApi.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(api.getWithPassword("liu.shufen", "wrong", "/api/payrolls/987654321").status()).isEqualTo(401);
    }

    @Test
    void whatCreatesGroupsWorksWithTheReadOnlyDirectory() {
        accessSetup.setUp();
        Region newTownship = new Region("newtown", "新城街道", RegionKind.STREET_OFFICE, null);
        assertThat(accessSetup.township(newTownship)).containsExactly("clerk-newtown", "reviewer-newtown");
        assertThat(identityService.createGroupQuery().groupId("clerk-newtown").count()).as("kept by the directory").isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("clerk-newtown")
                .resourceType(Resources.PROCESS_DEFINITION).count()).as("granted all the same").isPositive();
    }

    private static InMemoryDirectoryServer directory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.addAdditionalBindCredentials("cn=platform," + BASE, "Platform#Search1");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: minzheng");
            server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
            server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
            person(server, "wang.li", "王丽", "岳村乡经办人", "Yuecun#Clerk2026");
            person(server, "liu.shufen", "刘淑芬", "财务", "Caiwu#Finance2026");
            group(server, "clerk-yuecun", "岳村乡经办人", "wang.li");
            group(server, "finance", "财务", "liu.shufen");
            server.startListening();
            return server;
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void person(InMemoryDirectoryServer server, String uid, String name, String post, String password)
            throws LDAPException, com.unboundid.ldif.LDIFException {
        server.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "sn: " + name.substring(0, 1), "title: " + post, "mail: " + uid + "@minzheng.example", "userPassword: " + password);
    }

    private static void group(InMemoryDirectoryServer server, String cn, String description, String member)
            throws LDAPException, com.unboundid.ldif.LDIFException {
        server.add("dn: cn=" + cn + ",ou=groups," + BASE, "objectClass: groupOfNames", "cn: " + cn,
                "description: " + description, "member: uid=" + member + ",ou=people," + BASE);
    }
}
