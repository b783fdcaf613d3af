package nl.programmes.overview.read;

import java.util.List;

/**
 * The status the overview shows for an intended programme. The announcements service keeps the lifecycle
 * (announced, submitted, approved, rejected, withdrawn) and knows nothing of consultations; the overview hears both,
 * so it is the one place that can tell that an announced programme is under consultation.
 */
public final class ShownStatus {

    public static final String ANNOUNCED = "ANNOUNCED";
    public static final String UNDER_CONSULTATION = "UNDER_CONSULTATION";
    /** Every status, in the order of the lifecycle, as a constraint's pattern takes them. */
    public static final String NAMES = ANNOUNCED + "|" + UNDER_CONSULTATION + "|SUBMITTED|APPROVED|REJECTED|WITHDRAWN";
    /** In the order of the lifecycle. */
    public static final List<String> ALL = List.of(NAMES.split("\\|"));

    /**
     * Derived when read, not stored: the consultation and the announcement come on different topics in either order,
     * and a stored status would need each side to look for the other in the same transaction.
     *
     * @param consulted whether any organisation has been asked for its position (a consultation is known)
     */
    public static String of(String lifecycle, boolean consulted) {
        return ANNOUNCED.equals(lifecycle) && consulted ? UNDER_CONSULTATION : lifecycle;
    }

    /** The SQL column that tells {@link #of} whether an announcement row {@code a} has a consultation. */
    static final String CONSULTED = "EXISTS (SELECT 1 FROM overview_consultation c WHERE c.announcement_id = a.announcement_id) AS consulted";

    private ShownStatus() {
    }
}
