package nl.programmes.events.consultation;

/** What a consulted organisation says about one proposed location. */
public enum PositionKind {
    CONSENT,
    NO_OBJECTION,
    /** consent under conditions, which must be stated */
    CONDITIONAL_CONSENT,
    /** an objection, with grounds and an explanation */
    OBJECTION,
    /** "ter kennisgeving aangenomen": taken note of, no position */
    NOTED
}
