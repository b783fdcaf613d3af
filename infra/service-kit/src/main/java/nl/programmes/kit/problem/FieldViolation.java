package nl.programmes.kit.problem;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Comparator;

/** One bad field in a request: a JSON path such as {@code programme.isatCode} and what is wrong. */
@Serdeable
public record FieldViolation(String field, String message) {

    /** The order a 400 names its fields in: by path, so an answer reads the same each time. */
    public static final Comparator<FieldViolation> BY_FIELD =
            Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message);
}
