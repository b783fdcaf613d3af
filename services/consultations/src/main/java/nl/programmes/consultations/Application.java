package nl.programmes.consultations;

import io.micronaut.runtime.Micronaut;

/** Consulted organisations record positions per proposed location here. The domain arrives with its own issue; the service already runs with its schema, outbox and health. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
