package nl.programmes.events.announcement;

/** How a programme is taught. */
public enum ProgrammeForm {
    /** full-time */
    VOLTIJD,
    /** part-time */
    DEELTIJD,
    /** dual: work and study combined */
    DUAAL,
    /** mbo school-based pathway ("beroepsopleidende leerweg") */
    BOL,
    /** mbo work-based pathway ("beroepsbegeleidende leerweg") */
    BBL;

    public boolean isMbo() {
        return this == BOL || this == BBL;
    }
}
