package cn.minzheng.bureau.ledger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.demo.DemoUsers;

/**
 * A 岳村乡 reviewer whose name and post the tests know (first name = the name, last name = the post), so
 * the ledgers' names are checked whatever the demo users are called. Created once: the database outlives
 * a test context.
 */
final class NamedStaff {

    static final String REVIEWER = "reviewer2.yuecun";
    static final String REVIEWER_NAME = "欧阳明（岳村乡审核人）";

    private NamedStaff() {
    }

    static synchronized void reviewer(IdentityService identityService) {
        if (identityService.createUserQuery().userId(REVIEWER).count() > 0) {
            return;
        }
        User user = identityService.newUser(REVIEWER);
        user.setFirstName("欧阳明");
        user.setLastName("岳村乡审核人");
        user.setPassword(DemoUsers.PASSWORD);
        cn.minzheng.bureau.engine.DemoAccounts.saveIgnoringPasswordPolicy(identityService, user);
        identityService.createMembership(REVIEWER, Groups.reviewer("yuecun"));
    }
}
