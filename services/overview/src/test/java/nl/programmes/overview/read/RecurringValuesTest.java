package nl.programmes.overview.read;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurringValuesTest {

    private final RecurringValues recurring = new RecurringValues();

    @Test
    void equalValuesComeBackAsOneCopy() {
        String first = recurring.of(new String("Enschede"));
        String second = recurring.of(new String("Enschede"));

        assertThat(second).isEqualTo("Enschede").isSameAs(first);
        assertThat(recurring.of(new String("Deventer"))).isEqualTo("Deventer").isNotSameAs(first);
        assertThat(recurring.of(null)).isNull();
    }

    @Test
    void aStoredListIsParsedOnceAndItsItemsAreSharedWithSingleValues() {
        AtomicInteger parsed = new AtomicInteger();
        String enschede = recurring.of(new String("Enschede"));

        List<String> first = recurring.list(new String("[\"Enschede\",\"Deventer\"]"), text -> {
            parsed.incrementAndGet();
            return new ArrayList<>(List.of(new String("Enschede"), new String("Deventer")));
        });
        List<String> second = recurring.list(new String("[\"Enschede\",\"Deventer\"]"), text -> {
            parsed.incrementAndGet();
            return List.of();
        });

        assertThat(parsed).hasValue(1);
        assertThat(second).isSameAs(first).containsExactly("Enschede", "Deventer");
        assertThat(first.get(0)).isSameAs(enschede);
        assertThat(recurring.list(null, text -> List.of("never"))).isEmpty();
        // Shared between programmes, so nobody may change it.
        assertThatThrownBy(() -> first.add("Hengelo")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void moreDistinctValuesThanTheLimitStillComeBackEqual() {
        for (int i = 0; i < 120_000; i++) {
            assertThat(recurring.of(new String("value " + i))).isEqualTo("value " + i);
        }
        String again = recurring.of(new String("value 119999"));
        assertThat(recurring.of(new String("value 119999"))).isSameAs(again);
    }
}
