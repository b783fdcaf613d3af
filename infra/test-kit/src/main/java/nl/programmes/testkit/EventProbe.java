package nl.programmes.testkit;

import nl.programmes.events.CloudEvent;
import nl.programmes.events.KafkaCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            return new String(event.data(), StandardCharsets.UTF_8);
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

    /** Everything on the topic now, in partition then offset order. */
    public static List<Published> readAll(String bootstrapServers, String topic) {
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
                            KafkaCloudEvents.fromRecord(record), record));
                }
            }
            records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }
}
