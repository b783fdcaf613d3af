package nl.programmes.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.programmes.events.Topics;
import nl.programmes.kit.kafka.KafkaClients;
import nl.programmes.kit.kafka.PlatformTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parks a record that cannot be processed on {@code <topic>.dlt}, unchanged, with headers that say
 * where it came from and why it failed. The consumer then carries on; a parked record can be
 * replayed after a fix.
 */
@Singleton
public class DeadLetters {

    public static final String ORIGINAL_TOPIC = "dlt_original_topic";
    public static final String ORIGINAL_PARTITION = "dlt_original_partition";
    public static final String ORIGINAL_OFFSET = "dlt_original_offset";
    public static final String ERROR = "dlt_error";
    public static final String CONSUMER = "dlt_consumer";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaClients clients;
    private final PlatformTopics topics;
    private final MeterRegistry meters;
    private Producer<String, byte[]> producer;

    public DeadLetters(KafkaClients clients, PlatformTopics topics, MeterRegistry meters) {
        this.clients = clients;
        this.topics = topics;
        this.meters = meters;
    }

    /** Parks the record and waits for the broker to take it: a record is never dropped. */
    public void park(ConsumerRecord<String, byte[]> record, String consumer, Throwable error) {
        String logicalTopic = topics.logical(record.topic());
        String deadLetterTopic = topics.physical(Topics.deadLetter(logicalTopic));
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            parked.headers().add(header);
        }
        parked.headers().add(header(ORIGINAL_TOPIC, record.topic()));
        parked.headers().add(header(ORIGINAL_PARTITION, Integer.toString(record.partition())));
        parked.headers().add(header(ORIGINAL_OFFSET, Long.toString(record.offset())));
        parked.headers().add(header(CONSUMER, consumer));
        parked.headers().add(header(ERROR, describe(error)));
        try {
            producer().send(parked).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking a record", e);
        } catch (ExecutionException | TimeoutException e) {
            // Let the listener fail: the record is then delivered again rather than lost.
            throw new IllegalStateException("Could not park record " + record.topic() + "@" + record.offset(), e);
        }
        meters.counter("events.parked", "topic", logicalTopic).increment();
        LOG.warn("Parked {}-{}@{} on {}: {}", record.topic(), record.partition(), record.offset(), deadLetterTopic,
                describe(error));
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.reliableProducer("dead-letters");
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static String describe(Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        Throwable cause = error.getCause();
        if (cause != null && cause != error) {
            message += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
