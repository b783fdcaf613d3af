package nl.programmes.kit.ids;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidThatCarriesItsMillisecond() {
        Instant moment = Instant.parse("2026-11-27T10:15:30.123456789Z");
        UUID id = TimeOrderedIds.at(moment);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(moment.toEpochMilli());
        assertThat(id.toString()).startsWith("01a21c80-c24b-7"); // 1795774530123 ms is 0x01a21c80c24b
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTextAndAsKeys() {
        Instant start = Instant.parse("2026-11-27T10:15:30Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(TimeOrderedIds.at(start.plusNanos(250_000L * i)).toString()); // four a millisecond
        }
        // CHAR(36) keys compare as text: the order of minting is the order of the primary key.
        assertThat(ids).isSorted();
    }

    @Test
    void idsOfTheSameMomentDiffer() {
        Instant moment = Instant.parse("2026-11-27T10:15:30.5Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(moment));
        }
        assertThat(ids).hasSize(100_000);
    }
}
