package nl.programmes.overview.read;

import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Tells the in-memory read side (the regional snapshot and the read cache) what a commit changed. The
 * snapshot hears first and the read cache second: a regional page read at a commit count then always finds
 * a snapshot with at least that commit.
 */
@Singleton
public class ReadModelChanges {

    private final RegionalSnapshot regional;
    private final ReadCache cache;

    public ReadModelChanges(RegionalSnapshot regional, ReadCache cache) {
        this.regional = regional;
        this.cache = cache;
    }

    /**
     * A poll committed: events about these announcements, and about offerings if {@code offerings}. Call after
     * the commit.
     */
    public void committed(Collection<String> announcementIds, boolean offerings) {
        regional.changed(announcementIds, offerings);
        cache.changed(announcementIds);
    }

    /** Something every answer shows changed (an organisation's name, a rebuild switched over). */
    public void changedEverything() {
        regional.changedEverything();
        cache.changedEverything();
    }
}
