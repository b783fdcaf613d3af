package nl.programmes.kit.ids;

import java.time.Instant;
import java.util.UUID;

/**
 * New ids for events and aggregates: version 7 UUIDs (RFC 9562), whose first 48 bits are the Unix time in
 * milliseconds, then 12 bits of the fraction of that millisecond, then 62 random bits.
 * <p>
 * Why: the ids are the primary keys of the tables that hold these events and aggregates (the overview's timeline,
 * its read models, the services' own tables). InnoDB keeps a table in primary-key order, so random (version 4) ids
 * insert every row at a random place in the table, and a rebuild that writes 100,000 lines pays for it in page
 * splits; ids that grow with time are appended (docs/benchmarks/row-cost.sh). They are as unique as random ones:
 * the 62 random bits come from the same source as {@link UUID#randomUUID()}.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /** An id minted now. */
    public static UUID next() {
        return at(Instant.now());
    }

    /** An id minted at that moment (the event's own time, so an event's id and time agree). */
    public static UUID at(Instant moment) {
        long millis = moment.toEpochMilli();
        long fraction = (moment.getNano() % 1_000_000) * 4096L / 1_000_000; // 12 bits of the millisecond's fraction
        long high = (millis << 16) | 0x7000L | fraction;
        // randomUUID's low half: 62 random bits under the RFC's variant bits (10), which version 7 keeps as they are.
        return new UUID(high, UUID.randomUUID().getLeastSignificantBits());
    }
}
