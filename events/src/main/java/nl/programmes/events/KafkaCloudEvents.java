package nl.programmes.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode. Hand-written rather than taken from
 * the CloudEvents SDK: it is a handful of headers, and this keeps the contract visible in one place.
 */
public final class KafkaCloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event) {
        return new ProducerRecord<>(topic, null, event.subject(), event.data(), headers(event));
    }

    public static Headers headers(CloudEvent event) {
        List<Header> headers = new ArrayList<>();
        headers.add(header(CE_SPECVERSION, SPEC_VERSION));
        headers.add(header(CE_ID, event.id()));
        headers.add(header(CE_TYPE, event.type()));
        headers.add(header(CE_SOURCE, event.source()));
        headers.add(header(CE_SUBJECT, event.subject()));
        headers.add(header(CE_TIME, event.time().toString()));
        headers.add(header(CONTENT_TYPE, JSON));
        return new RecordHeaders(headers);
    }

    /**
     * Reads a record back into an event.
     *
     * @throws MalformedEventException when a required attribute is missing or unreadable; such a
     *                                 record belongs on the dead-letter topic, not in a retry loop
     */
    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = required(headers, CE_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("Unsupported ce_specversion " + specVersion);
        }
        if (record.value() == null) {
            throw new MalformedEventException("Record has no body");
        }
        Instant time;
        try {
            time = Instant.parse(required(headers, CE_TIME));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
        return new CloudEvent(required(headers, CE_ID), required(headers, CE_TYPE), required(headers, CE_SOURCE),
                required(headers, CE_SUBJECT), time, record.value());
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new MalformedEventException("Missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that does not follow the envelope contract. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
