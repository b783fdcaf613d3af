package nl.programmes.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaCloudEventsTest {

    private final CloudEvent event = new CloudEvent("3f2a6c1e-0000-4000-8000-000000000001",
            "nl.programmes.announcement.announced.v1", "/services/announcements",
            "6f1c2d3e-4b5a-4c6d-8e7f-a24056000001", Instant.parse("2024-09-16T10:15:30.123456Z"),
            "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void binaryModePutsAttributesInCeHeadersAndKeysByAggregate() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord("programme-announcements", event);

        assertThat(record.key()).isEqualTo(event.subject());
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record.headers(), "ce_id")).isEqualTo(event.id());
        assertThat(header(record.headers(), "ce_type")).isEqualTo(event.type());
        assertThat(header(record.headers(), "ce_source")).isEqualTo("/services/announcements");
        assertThat(header(record.headers(), "ce_subject")).isEqualTo(event.subject());
        assertThat(header(record.headers(), "ce_time")).isEqualTo("2024-09-16T10:15:30.123456Z");
        assertThat(header(record.headers(), "content-type")).isEqualTo("application/json");
    }

    @Test
    void recordReadsBackIntoTheSameEvent() {
        ProducerRecord<String, byte[]> sent = KafkaCloudEvents.toRecord("programme-announcements", event);
        CloudEvent read = KafkaCloudEvents.fromRecord(consumed(sent.headers(), sent.value()));

        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.type()).isEqualTo(event.type());
        assertThat(read.source()).isEqualTo(event.source());
        assertThat(read.subject()).isEqualTo(event.subject());
        assertThat(read.time()).isEqualTo(event.time());
        assertThat(read.data()).isEqualTo(event.data());
    }

    @Test
    void recordWithoutEnvelopeIsMalformed() {
        assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(consumed(new RecordHeaders(), new byte[]{1})))
                .isInstanceOf(KafkaCloudEvents.MalformedEventException.class)
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void timeIsReadAsInstantParseReadsIt() {
        java.util.Random random = new java.util.Random(20261128);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
            String text = instant.toString(); // 0, 3, 6 or 9 digits of fraction, as the services write ce_time
            assertThat(KafkaCloudEvents.time(text)).as(text).isEqualTo(Instant.parse(text));
            String shorter = text.substring(0, 19) + "." + String.valueOf(1_000_000_000 + instant.getNano()).substring(1, 2 + i % 9) + "Z";
            assertThat(KafkaCloudEvents.time(shorter)).as(shorter).isEqualTo(Instant.parse(shorter));
        }
        for (String text : new String[] {"2026-01-01T00:00:00+01:00", "2026-01-01t00:00:00z", "2026-01-01T23:59:60Z",
                "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.Z", "+12026-01-01T00:00:00Z", "2024-02-29T12:00:00Z"}) {
            assertThat(KafkaCloudEvents.time(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T00:60:00Z",
                "2026-01-01T00:00:00.1234567891Z", "2026-01-01T0a:00:00Z", "2026-01-01 00:00:00Z", "yesterday"}) {
            assertThatThrownBy(() -> KafkaCloudEvents.time(text)).as(text).isInstanceOf(java.time.DateTimeException.class);
        }
    }

    @Test
    void recordWithAnUnreadableTimeIsMalformed() {
        ProducerRecord<String, byte[]> sent = KafkaCloudEvents.toRecord("programme-announcements", event);
        sent.headers().remove("ce_time").add("ce_time", "2026-02-30T10:00:00Z".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(consumed(sent.headers(), sent.value())))
                .isInstanceOf(KafkaCloudEvents.MalformedEventException.class)
                .hasMessageContaining("ce_time");
    }

    private static ConsumerRecord<String, byte[]> consumed(org.apache.kafka.common.header.Headers headers, byte[] value) {
        return new ConsumerRecord<>("programme-announcements", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, "key", value,
                headers, Optional.empty());
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
