package nl.programmes.announcements.domain;

import nl.programmes.kit.problem.InvalidCommandException;

/**
 * A first-year intake figure as published: a count, or a suppressed small number ("&lt;5") whose
 * value is unknown and must never be read as 0 or 5.
 */
public record IntakeFigure(Integer count, boolean suppressed) {

    public static final String SUPPRESSED = "<5";

    public IntakeFigure {
        if (suppressed == (count != null)) {
            throw new IllegalArgumentException("An intake figure is either a count or suppressed");
        }
    }

    /** Reads "72" or "&lt;5". */
    public static IntakeFigure parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        if (SUPPRESSED.equals(value.replace(" ", ""))) {
            return new IntakeFigure(null, true);
        }
        try {
            int count = Integer.parseInt(value);
            if (count < 0) {
                throw new InvalidCommandException(field, "must not be negative");
            }
            return new IntakeFigure(count, false);
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(field, "'" + value + "' is not an intake: use a whole number or " + SUPPRESSED);
        }
    }

    @Override
    public String toString() {
        return suppressed ? SUPPRESSED : count.toString();
    }
}
