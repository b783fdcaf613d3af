package nl.programmes.events;

/**
 * One registered event type: its versioned CloudEvents type, the topic it travels on and the record
 * that carries its body. The JSON Schema lives at {@code schemas/<ceType>.json} on the classpath.
 */
public record EventType<E extends DomainEvent>(String ceType, String topic, Class<E> bodyType) {

    public String schemaResource() {
        return "schemas/" + ceType + ".json";
    }

    /** The version suffix of the type, e.g. 1 for {@code ...announced.v1}. */
    public int version() {
        return Integer.parseInt(ceType.substring(ceType.lastIndexOf(".v") + 2));
    }
}
