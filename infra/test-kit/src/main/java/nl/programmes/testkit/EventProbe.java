package nl.programmes.testkit;

import nl.programmes.events.CloudEvent;
import nl.programmes.events.KafkaCloudEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads what is on a topic, from the beginning, without joining a consumer group: the way a test
 * checks which events a service published.
 */
public final class EventProbe {

    private EventProbe() {
    }

    /** A record as read back: the partition and offset, the raw headers and the decoded envelope. */
    public record Published(int partition, long offset, String key, CloudEvent event, ConsumerRecord<String, byte[]> raw) {
        public String body() {
            return new String(raw.value(), StandardCharsets.UTF_8);
        }

        public String header(String name) {
            var header = raw.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    /** Waits until at least {@code expected} records are on the topic and returns all of them. */
    public static List<Published> awaitAtLeast(String bootstrapServers, String topic, int expected) {
        List<Published> seen = new ArrayList<>();
        TestPlatform.eventually().until(() -> {
            seen.clear();
            seen.addAll(readAll(bootstrapServers, topic));
            return seen.size() >= expected;
        });
        return seen;
    }

    /**
     * Waits until a record with this key is on the topic and returns the first one. Other tests may publish
     * to the same topic, so "at least one record" is not "this test's record".
     */
    public static Published awaitKey(String bootstrapServers, String topic, String key) {
        List<Published> seen = new ArrayList<>();
        TestPlatform.eventually().until(() -> {
            seen.clear();
            readAll(bootstrapServers, topic).stream().filter(p -> key.equals(p.key())).findFirst().ifPresent(seen::add);
            return !seen.isEmpty();
        });
        return seen.get(0);
    }

    /**
     * Waits until the consumer group has committed offsets up to the end of every partition of the
     * topic: everything published so far has been processed (or parked).
     */
    public static void awaitCaughtUp(String bootstrapServers, String groupId, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            TestPlatform.eventually().until(() -> {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        }
    }

    /** Everything on the topic now, in partition then offset order. */
    public static List<Published> readAll(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, true);
    }

    /** Like {@link #readAll} but without decoding the envelope, for dead-letter topics and poison records. */
    public static List<Published> readAllRaw(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, false);
    }

    private static List<Published> read(String bootstrapServers, String topic, boolean decode) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<Published> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Published(record.partition(), record.offset(), record.key(),
                            decode ? KafkaCloudEvents.fromRecord(record) : null, record));
                }
            }
            records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }
}
