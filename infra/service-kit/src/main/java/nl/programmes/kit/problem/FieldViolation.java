package nl.programmes.kit.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One bad field in a request: a JSON path such as {@code programme.isatCode} and what is wrong. */
@Serdeable
public record FieldViolation(String field, String message) {
}
