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
import java.util.concurrent.TimeUnit;

/** Where a consumer group stands on the overview's topics, and where those topics end. */
public final class Offsets {

    private Offsets() {
    }

    public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Committed offsets of a group on every partition of the overview's topics (0 where nothing is committed). */
    public static Map<TopicPartition, Long> committed(Admin admin, PlatformTopics topics, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            for (TopicPartition partition : endOffsets(admin, topics.physical(spec.name())).keySet()) {
                OffsetAndMetadata offset = done.get(partition);
                positions.put(partition, offset == null ? 0L : offset.offset());
            }
        }
        return positions;
    }
}
