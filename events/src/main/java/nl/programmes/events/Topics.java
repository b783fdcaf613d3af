package nl.programmes.events;

import java.util.List;

/**
 * One topic per aggregate. Partition counts are the local defaults; production overrides them by
 * configuration. A parked (unprocessable) record goes to the topic's {@code .dlt} twin.
 */
public final class Topics {

    public static final String PROGRAMME_ANNOUNCEMENTS = "programme-announcements";
    public static final String PROGRAMME_OFFERINGS = "programme-offerings";
    public static final String CONSULTATIONS = "consultations";
    public static final String STEERING_DECISIONS = "steering-decisions";
    public static final String ORGANISATIONS = "organisations";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Topics and their local partition counts. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(PROGRAMME_ANNOUNCEMENTS, 3),
            new TopicSpec(PROGRAMME_OFFERINGS, 3),
            new TopicSpec(CONSULTATIONS, 3),
            new TopicSpec(STEERING_DECISIONS, 3),
            new TopicSpec(ORGANISATIONS, 1));

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public record TopicSpec(String name, int partitions) {
    }
}
