package nl.programmes.events;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Who acted, for which organisation. Every event body carries one, so the timeline can say
 * "HU (policy adviser) recorded an objection" without asking the identity service.
 */
@Serdeable
public record Actor(String userId, String displayName, String organisationId) {
}
