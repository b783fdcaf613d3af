package nl.programmes.events.consultation;

/** How the consultation takes place. */
public enum ConsultationKind {
    /** between the announcing institution and one organisation */
    BILATERAL,
    /** the periodic regional board meeting ("bestuurlijk overleg") */
    REGIONAL_BOARD
}
