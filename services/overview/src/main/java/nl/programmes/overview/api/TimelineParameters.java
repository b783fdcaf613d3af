package nl.programmes.overview.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import nl.programmes.overview.read.OverviewReads;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The timeline's own filters as constraints on its parameters, so that they are checked with the others (a size
 * out of range, an order that is neither) and every mistake of a request is named in one answer, not one per request.
 * The filters check themselves again where they are made ({@link OverviewReads.TimelineFilter}), for callers other
 * than these endpoints. A {@code to} before its {@code from} is a constraint on {@code to} that reads {@code from} from
 * the request (a constraint sees one parameter). One mistake is named only once the others are mended: an announcement's
 * reference that names none (looking it up needs the database, and constraints are checked on the event loop, which
 * must not wait for it).
 */
@Factory
public class TimelineParameters {

    /** A kind of event, or part of the name of one or more (such as {@code decision}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Constraint(validatedBy = {})
    public @interface EventKind {
        String message() default "is no kind of event, nor part of one (such as nl.programmes.steering.decision-recorded.v1, or decision)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A cursor a timeline page handed out as its {@code nextCursor}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Constraint(validatedBy = {})
    public @interface Cursor {
        String message() default "is not a cursor a timeline page handed out (its nextCursor)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A province of the municipality table, in any case, or "region unknown". */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Constraint(validatedBy = {})
    public @interface Province {
        String message() default "is not a province (nor “region unknown”)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A last day not before the request's {@code from} (one {@code from} cannot read is named as such, not here). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Constraint(validatedBy = {})
    public @interface NotBeforeFrom {
        String message() default "is before from";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Singleton
    ConstraintValidator<NotBeforeFrom, LocalDate> notBeforeFrom() {
        return (to, annotation, context) -> {
            Optional<LocalDate> from = to == null ? Optional.empty() : ServerRequestContext.currentRequest()
                    .flatMap(request -> request.getParameters().getFirst("from")).flatMap(TimelineParameters::date);
            if (from.isEmpty() || !to.isBefore(from.get())) {
                return true;
            }
            context.messageTemplate("is before from (" + from.get() + ")"); // as the filter itself says it
            return false;
        };
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Singleton
    ConstraintValidator<EventKind, String> eventKind() {
        return (kind, annotation, context) -> kind == null || kind.isBlank() || !OverviewReads.TimelineFilter.kindsLike(kind).isEmpty();
    }

    @Singleton
    ConstraintValidator<Cursor, String> cursor() {
        return (cursor, annotation, context) -> cursor == null || OverviewReads.TimelineCursor.readable(cursor);
    }

    @Singleton
    ConstraintValidator<Province, String> province(OverviewReads reads) {
        return (region, annotation, context) -> region == null || reads.isProvince(region);
    }
}
