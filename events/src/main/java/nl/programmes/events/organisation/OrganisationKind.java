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
    OTHER;

    /** Schools and institutions: they offer and announce programmes, and have a BRIN code. */
    public boolean isSchool() {
        return this == HBO_INSTITUTION || this == WO_INSTITUTION || this == MBO_COLLEGE || this == PARTNER_SCHOOL;
    }
}
