package nl.programmes.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A value that cannot be read as its type: a query parameter such as {@code size=abc}, or a body field such as
 * {@code "studyLoadEc": "240 EC"}. The framework's answer named the Java argument ({@code /request}) and quoted the
 * parser; a caller needs the field as it wrote it ({@code programme.studyLoadEc}) and what it should hold.
 * <p>
 * A body is read until its first unreadable value, so that is the one named; the others are named once it reads.
 * Query and path parameters are each read on their own, so all their mistakes are named together
 * ({@link ParameterMistakes}).
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(ConversionErrorHandler.class)
public class UnreadableValues implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

    private final Problems problems;
    private final ParameterMistakes parameters;

    public UnreadableValues(Problems problems, ParameterMistakes parameters) {
        this.problems = problems;
        this.parameters = parameters;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        FieldViolation found = violation(exception);
        boolean inBody = serdeCause(exception.getConversionError().getCause()) != null;
        return problems.fields(request, HttpStatus.BAD_REQUEST, exception, inBody ? List.of(found) : parameters.all(request, found));
    }

    static FieldViolation violation(ConversionErrorException exception) {
        SerdeException body = serdeCause(exception.getConversionError().getCause());
        if (body == null) {
            return new FieldViolation(exception.getArgument().getName(), expected(exception.getArgument()));
        }
        // The outermost exception holds the whole path, innermost step first.
        List<ReferencePath> path = new ArrayList<>(body.getPath());
        if (path.isEmpty()) {
            return new FieldViolation("request", expected(exception.getArgument()));
        }
        Collections.reverse(path);
        return new FieldViolation(pathOf(path), expected(valueAt(path.get(path.size() - 1))));
    }

    /** The type of the value at a step: an item's step names its list (or map), whose type argument is the item's. */
    private static Argument<?> valueAt(ReferencePath step) {
        Argument<?>[] items = step.getArgument().getTypeParameters();
        if (step instanceof CollectionItemReferencePath && items.length == 1) {
            return items[0];
        }
        if (step instanceof MapItemReferencePath && items.length == 2) {
            return items[1];
        }
        return step.getArgument();
    }

    private static SerdeException serdeCause(Throwable cause) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SerdeException serde) {
                return serde;
            }
        }
        return null;
    }

    /** {@code programme}, {@code forms[0]} becomes {@code programme.forms[0]}. */
    static String pathOf(List<ReferencePath> path) {
        StringBuilder field = new StringBuilder();
        for (ReferencePath step : path) {
            if (step instanceof CollectionItemReferencePath item) {
                field.append('[').append(item.index()).append(']');
            } else if (step instanceof MapItemReferencePath entry) {
                field.append('[').append(entry.key()).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getArgument().getName());
            }
        }
        return field.toString();
    }

    /** What a value of this type is written as, in the words of the validation messages. */
    static String expected(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date, yyyy-MM-dd";
        }
        if (type == YearMonth.class) {
            return "must be a year and month, yyyy-MM";
        }
        if (type == java.time.Instant.class) {
            return "must be a moment in UTC, such as 2026-11-29T10:15:30Z";
        }
        if (type == UUID.class) {
            return "must be an id as the service handed it out (a UUID)";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join("|", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return "must be an object with the fields this request takes";
    }
}
