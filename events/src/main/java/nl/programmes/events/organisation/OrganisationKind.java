package nl.programmes.events.organisation;

/** What kind of organisation takes part. */
public enum OrganisationKind {
    /** hogeschool */
    HBO_INSTITUTION,
    /** universiteit */
    WO_INSTITUTION,
    /** mbo-instelling, e.g. a ROC */
    MBO_COLLEGE,
    /** a school consulted as partner, e.g. an mbo college feeding an Associate degree */
    PARTNER_SCHOOL,
    /** a regional board or national domain steering group ("stuurgroep") */
    STEERING_COMMITTEE,
    OTHER
}
