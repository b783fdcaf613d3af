package nl.programmes.overview;

import io.micronaut.runtime.Micronaut;

/** The shared overview: consumes every topic and serves the read model. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
