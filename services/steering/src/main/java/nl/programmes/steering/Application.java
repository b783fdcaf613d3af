package nl.programmes.steering;

import io.micronaut.runtime.Micronaut;

/** Steering committees record their decisions here. The domain arrives with its own issue; the service already runs with its schema, outbox and health. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
