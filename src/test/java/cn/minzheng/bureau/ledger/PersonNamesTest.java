package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import cn.minzheng.bureau.access.StaffNames;

/** The ledgers ask for a person's name once per few minutes, and name the engine's own work and nobody. */
class PersonNamesTest {

    @Test
    void aNameIsAskedForOnceAndAgainAfterAFewMinutes() {
        StaffNames staff = mock(StaffNames.class);
        when(staff.of("approver")).thenReturn("陈立新（区民政局审批人）", "陈立新（区民政局副局长）");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T08:00:00Z"));
        PersonNames names = new PersonNames(staff, clock(now));

        assertThat(names.of("approver")).isEqualTo("陈立新（区民政局审批人）");
        assertThat(names.of("approver")).isEqualTo("陈立新（区民政局审批人）");
        verify(staff, times(1)).of("approver");

        now.set(now.get().plus(PersonNames.KEPT).plus(Duration.ofSeconds(1)));
        assertThat(names.of("approver")).isEqualTo("陈立新（区民政局副局长）");
    }

    @Test
    void theSystemAndNobodyAreNotLookedUp() {
        StaffNames staff = mock(StaffNames.class);
        PersonNames names = new PersonNames(staff, Clock.systemUTC());
        assertThat(names.of(PersonNames.SYSTEM)).isEqualTo("系统（自动处理）");
        assertThat(names.of(null)).isEmpty();
        assertThat(names.of(" ")).isEmpty();
        verifyNoMoreInteractions(staff);
    }

    private static Clock clock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
