package nl.programmes.events.steering;

/** What a steering committee decides on an announcement. */
public enum Decision {
    /** "ter kennisgeving aangenomen" */
    NOTED,
    ENDORSED,
    ADVISES_AGAINST,
    FURTHER_CONSULTATION_REQUESTED,
    APPROVED,
    REJECTED;

    /** These need a rationale: whoever reads the decision must learn why. */
    public boolean needsRationale() {
        return this == ADVISES_AGAINST || this == REJECTED || this == FURTHER_CONSULTATION_REQUESTED;
    }
}
