package nl.programmes.announcements.domain;

/** Where an announcement stands in its lifecycle. */
public enum AnnouncementStatus {
    ANNOUNCED,
    WITHDRAWN,
    /** application filed with the national review ("aanvraag ingediend") */
    SUBMITTED,
    APPROVED,
    REJECTED
}
