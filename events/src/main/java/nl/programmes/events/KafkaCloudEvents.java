package nl.programmes.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDate;
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
            time = time(required(headers, CE_TIME));
        } catch (DateTimeException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
        return new CloudEvent(required(headers, CE_ID), required(headers, CE_TYPE), required(headers, CE_SOURCE),
                required(headers, CE_SUBJECT), time, record.value());
    }

    /**
     * Reads {@code ce_time} as {@link Instant#parse} does. The form every producer here writes ({@link Instant#toString}:
     * {@code 2024-09-16T10:15:30.123456Z}) is read digit by digit: through {@code DateTimeFormatter} it cost a rebuild about a
     * kilobyte of garbage and a microsecond for every event. Any other form (an offset, a lowercase letter, a leap second)
     * goes to {@link Instant#parse} itself.
     */
    static Instant time(String text) {
        int n = text.length();
        if (n < 20 || n == 21 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z' || (n > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = n > 20 ? digits(text, 20, n - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || fraction < 0) {
            return Instant.parse(text);
        }
        for (int i = n - 1; i < 29 && n > 20; i++) {
            fraction *= 10; // .123456 is 123,456,000 nanoseconds
        }
        long day0 = LocalDate.of(year, month, day).toEpochDay(); // refuses 30 February as Instant.parse does
        return Instant.ofEpochSecond(day0 * 86_400 + hour * 3_600 + minute * 60 + second, fraction);
    }

    /** The decimal number in text[from, to), or -1 when a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
