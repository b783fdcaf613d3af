package nl.programmes.overview.rebuild;

import nl.programmes.events.Topics;
import nl.programmes.kit.kafka.PlatformTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Where a consumer group stands on the overview's topics, and where those topics end. */
public final class Offsets {

    private Offsets() {
    }

    /** Where every partition of the overview's topics ends: one request for the partitions, one for the offsets. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, PlatformTopics topics) throws Exception {
        return endOffsets(admin, Topics.ALL.stream().map(spec -> topics.physical(spec.name())).toList());
    }

    /** Where every partition of these topics ends: one request for the partitions, one for the offsets. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> names) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(description -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Committed offsets of a group on these partitions (0 where nothing is committed). */
    public static Map<TopicPartition, Long> committed(Admin admin, Set<TopicPartition> partitions, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = done.get(partition);
            positions.put(partition, offset == null ? 0L : offset.offset());
        }
        return positions;
    }
}
