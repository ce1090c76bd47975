package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/** How the ledgers name people: name（post）, else what there is, else the login id; asked once per few minutes. */
class PersonNamesTest {

    @Test
    void aUserIsShownByNameAndPostAndFallsBackToTheLoginId() {
        assertThat(PersonNames.displayName("reviewer.yuecun", user("李建国", "岳村乡审核人"))).isEqualTo("李建国（岳村乡审核人）");
        assertThat(PersonNames.displayName("reviewer.yuecun", user(" 李建国 ", null))).isEqualTo("李建国");
        assertThat(PersonNames.displayName("reviewer.yuecun", user("", "岳村乡审核人"))).isEqualTo("岳村乡审核人");
        assertThat(PersonNames.displayName("reviewer.yuecun", user(null, " "))).isEqualTo("reviewer.yuecun");
        assertThat(PersonNames.displayName("gone.user", null)).isEqualTo("gone.user");
    }

    @Test
    void namesAreReadOnceAndReadAgainAfterAFewMinutes() {
        IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(identity.createUserQuery().userId("approver").singleResult())
                .thenReturn(user("陈立新", "区民政局审批人"), user("陈立新", "区民政局副局长"));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T08:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        PersonNames names = new PersonNames(identity, clock);

        assertThat(names.of("approver")).isEqualTo("陈立新（区民政局审批人）");
        assertThat(names.of("approver")).isEqualTo("陈立新（区民政局审批人）");
        verify(identity.createUserQuery().userId("approver"), times(1)).singleResult();

        now.set(now.get().plus(PersonNames.KEPT).plus(Duration.ofSeconds(1)));
        assertThat(names.of("approver")).isEqualTo("陈立新（区民政局副局长）");
        assertThat(names.of(null)).isEmpty();
        assertThat(names.of(PersonNames.SYSTEM)).isEqualTo("系统（自动处理）");
    }

    private static User user(String firstName, String lastName) {
        UserEntity user = new UserEntity("someone");
        user.setFirstName(firstName);
        user.setLastName(lastName);
        return user;
    }
}
