package nl.programmes.portal;

import io.micronaut.runtime.Micronaut;

/** The one entry point: the web UI, identity and the /api gateway to the other services. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
