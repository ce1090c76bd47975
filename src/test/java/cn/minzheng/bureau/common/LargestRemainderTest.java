package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LargestRemainderTest {

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # total | weights            | shares
            200000  | 310 240 152 130    | 74519 57692 36539 31250
            4000    | 310 240 152 130    | 1490 1154 731 625
            40      | 310 240 152 130    | 15 12 7 6
            43      | 310 240 152 130    | 16 12 8 7
            200000  | 134 296 402        | 32211 71154 96635
            4000    | 134 296 402        | 644 1423 1933
            40      | 134 296 402        | 7 14 19
            40      | 134 296 402 0      | 7 14 19 0
            10      | 1 1 1              | 4 3 3
            2       | 1 1 1              | 1 1 0
            1       | 1 2 1              | 0 1 0
            7       | 5                  | 7
            0       | 3 4                | 0 0
            5       | 0 0 3              | 0 0 5
            """)
    void sharesAddUpExactlyAndFollowTheLargestRemainders(long total, String weights, String expected) {
        long[] shares = LargestRemainder.allocate(total, numbers(weights));
        assertThat(shares).containsExactly(numbers(expected).stream().mapToLong(Long::longValue).toArray());
        assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
    }

    @Test
    void aShareNeverExceedsItsWeightWhenTheTotalIsSmaller() {
        List<Long> needs = List.of(400L, 250L, 300L, 1L, 999L);
        for (long total = 0; total <= 1950; total += 7) {
            long[] shares = LargestRemainder.allocate(total, needs);
            for (int i = 0; i < shares.length; i++) {
                assertThat(shares[i]).isLessThanOrEqualTo(needs.get(i));
            }
            assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
        }
    }

    @Test
    void refusesWhatCannotBeSplit() {
        assertThatThrownBy(() -> LargestRemainder.allocate(5, List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.allocate(-1, List.of(1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.allocate(5, List.of(2L, -1L))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> numbers(String text) {
        return Arrays.stream(text.trim().split("\\s+")).map(Long::valueOf).toList();
    }
}
