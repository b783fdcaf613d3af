package nl.programmes.overview.handling;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far this context's projection has applied each partition (the next offset to read), and whether a poll is
 * being applied right now. Offsets are committed asynchronously, so the committed offsets may trail what the
 * read model holds by a poll or two; a rebuild's switch-over compares these positions instead, and waits until
 * no poll is under way.
 */
@Singleton
public class AppliedPositions {

    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private final AtomicInteger applying = new AtomicInteger();

    /** A poll is being applied; call {@link #applied} or {@link #abandoned} when it is done. */
    void applying() {
        applying.incrementAndGet();
    }

    /** The poll's records are in the read model (or parked): the projection has read past each of them. */
    void applied(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> furthest = new HashMap<>();
        // A poll lists its records partition by partition: one key and one boxed offset per run of them, not per record.
        TopicPartition partition = null;
        long furthestInRun = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (partition == null || partition.partition() != record.partition() || !partition.topic().equals(record.topic())) {
                if (partition != null) {
                    furthest.merge(partition, furthestInRun, Math::max);
                }
                partition = new TopicPartition(record.topic(), record.partition());
                furthestInRun = 0;
            }
            furthestInRun = Math.max(furthestInRun, record.offset() + 1);
        }
        if (partition != null) {
            furthest.merge(partition, furthestInRun, Math::max);
        }
        furthest.forEach((key, offset) -> next.merge(key, offset, Math::max));
        applying.decrementAndGet();
    }

    /** The poll failed and will be delivered again: its records are not applied. */
    void abandoned() {
        applying.decrementAndGet();
    }

    /** True when no poll is being applied. */
    public boolean idle() {
        return applying.get() == 0;
    }

    /** Next offset to apply per partition, for partitions this context has applied anything from. */
    public Map<TopicPartition, Long> positions() {
        return new HashMap<>(next);
    }
}
