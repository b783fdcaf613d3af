package nl.programmes.events.announcement;

/** Qualification level of a programme. */
public enum ProgrammeLevel {
    MBO_1, MBO_2, MBO_3, MBO_4,
    /** "Associate degree" (Ad): two-year hbo programme. */
    ASSOCIATE_DEGREE,
    BACHELOR,
    MASTER;

    /** Every level's name, as a constraint's pattern (and its message) takes them; a test holds it to the values. */
    public static final String NAMES = "MBO_1|MBO_2|MBO_3|MBO_4|ASSOCIATE_DEGREE|BACHELOR|MASTER";

    public boolean isMbo() {
        return this == MBO_1 || this == MBO_2 || this == MBO_3 || this == MBO_4;
    }
}
