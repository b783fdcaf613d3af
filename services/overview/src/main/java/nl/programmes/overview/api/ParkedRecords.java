package nl.programmes.overview.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import nl.programmes.events.Topics;
import nl.programmes.kit.inbox.DeadLetters;
import nl.programmes.kit.inbox.TopicReader;
import nl.programmes.kit.kafka.KafkaClients;
import nl.programmes.kit.kafka.PlatformTopics;
import nl.programmes.kit.problem.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads what is parked on the dead-letter topics, and replays a parked record: it goes back on its
 * original topic unchanged (without the dlt_ headers), so after a fix it is processed like any other.
 * If it fails again it is parked again; a replayed record that was applied before changes nothing.
 */
@Singleton
public class ParkedRecords {

    private final String bootstrapServers;
    private final PlatformTopics topics;
    private final KafkaClients clients;

    public ParkedRecords(@io.micronaut.context.annotation.Value("${kafka.bootstrap.servers}") String bootstrapServers,
                         PlatformTopics topics, KafkaClients clients) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.clients = clients;
    }

    /** A parked record: where it is, its error, and when it was parked (its dead-letter record's time), to tie it to a release. */
    @Serdeable
    public record Parked(String topic, int partition, long offset, @Nullable String key, @Nullable String error,
                         @Nullable String originalTopic, @Nullable String type, @Nullable Instant parkedAt) {
        static Parked of(String topic, ConsumerRecord<String, byte[]> record, @Nullable String originalTopic) {
            return new Parked(topic, record.partition(), record.offset(), record.key(), header(record, DeadLetters.ERROR), originalTopic,
                    header(record, "ce_type"), record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
        }
    }

    public List<Parked> list() {
        List<Parked> parked = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            read(Topics.deadLetter(spec.name()), record -> parked.add(Parked.of(spec.name(), record, header(record, DeadLetters.ORIGINAL_TOPIC))));
        }
        return parked;
    }

    public Parked replay(String topic, int partition, long offset) throws Exception {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        read(Topics.deadLetter(topic), record -> {
            if (record.partition() == partition && record.offset() == offset) {
                found.add(record);
            }
        });
        if (found.isEmpty()) {
            throw new NotFoundException("Parked record", topic + "/" + partition + "/" + offset);
        }
        ConsumerRecord<String, byte[]> record = found.get(0);
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(topics.physical(topic), record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dlt_")) {
                again.headers().add(header);
            }
        }
        try (Producer<String, byte[]> producer = clients.reliableProducer("parked-replay")) {
            producer.send(again).get(30, TimeUnit.SECONDS);
        }
        return Parked.of(topic, record, topics.physical(topic));
    }

    private void read(String logicalTopic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        TopicReader.readAll(bootstrapServers, topics.physical(logicalTopic), each);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicReader.header(record, name);
    }
}
