package nl.programmes.events;

import nl.programmes.events.announcement.ProgrammeAnnounced;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of every event type on the platform. Adding an event means adding it here, with a
 * schema and a golden fixture; the contract tests walk this list.
 */
public final class EventTypes {

    public static final EventType<ProgrammeAnnounced> PROGRAMME_ANNOUNCED = new EventType<>(
            "nl.programmes.announcement.announced.v1", Topics.PROGRAMME_ANNOUNCEMENTS, ProgrammeAnnounced.class);

    public static final List<EventType<?>> ALL = List.of(PROGRAMME_ANNOUNCED);

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private static final Map<Class<?>, EventType<?>> BY_BODY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::bodyType, Function.identity()));

    private EventTypes() {
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    @SuppressWarnings("unchecked")
    public static <E extends DomainEvent> EventType<E> of(Class<E> bodyType) {
        EventType<?> type = BY_BODY.get(bodyType);
        if (type == null) {
            throw new IllegalArgumentException("Not a registered event: " + bodyType.getName());
        }
        return (EventType<E>) type;
    }
}
