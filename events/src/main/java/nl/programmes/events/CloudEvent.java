package nl.programmes.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as it travels on Kafka in binary mode: the attributes go in {@code ce_*}
 * headers, the JSON body is the record value.
 *
 * @param id      unique per event; consumers deduplicate on it
 * @param type    versioned type, e.g. {@code nl.programmes.announcement.announced.v1}
 * @param source  the producing service, e.g. {@code /services/announcements}
 * @param subject the aggregate id; also the Kafka key
 * @param time    when the fact was recorded
 * @param data    the JSON body
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, byte[] data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }
}
