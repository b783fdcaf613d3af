package nl.programmes.testkit;

import io.micronaut.serde.ObjectMapper;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.events.KafkaCloudEvents;
import nl.programmes.kit.ids.TimeOrderedIds;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;

/** Puts events on the test platform's topics as a producing service would, for consumer tests. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topicPrefix;
    private final ObjectMapper json = ObjectMapper.getDefault();

    public EventPublisher(ServiceUnderTest slice) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, slice.platform().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(props);
        this.topicPrefix = slice.topicPrefix();
    }

    /** Wraps the event in a fresh envelope and publishes it; returns the envelope. */
    public CloudEvent publish(DomainEvent event) {
        EventType<?> type = EventTypes.of(event.getClass());
        try {
            CloudEvent envelope = new CloudEvent(TimeOrderedIds.next().toString(), type.ceType(), "/tests",
                    event.subject(), Instant.now(), json.writeValueAsBytes(event));
            return publish(type.topic(), envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the envelope as it is: redelivering the same ce_id is how a duplicate looks. */
    public CloudEvent publish(String logicalTopic, CloudEvent envelope) {
        send(KafkaCloudEvents.toRecord(topicPrefix + logicalTopic, envelope));
        return envelope;
    }

    /** Publishes anything at all, for poison-record tests. */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
