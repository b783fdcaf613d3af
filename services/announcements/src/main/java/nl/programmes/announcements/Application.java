package nl.programmes.announcements;

import io.micronaut.runtime.Micronaut;

/** Institutions announce intended programmes here; see README for the run command. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
