package nl.programmes.events.consultation;

/** Why an organisation objects. */
public enum ObjectionGround {
    LABOUR_MARKET,
    REGIONAL_SPREAD,
    STUDENT_COMPETITION,
    OVERLAP,
    OTHER
}
