package nl.programmes.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.FullHttpRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A value that cannot be read as its type: a query parameter such as {@code size=abc}, or a body field such as
 * {@code "studyLoadEc": "240 EC"}. The framework's answer named the Java argument ({@code /request}) and quoted the
 * parser; a caller needs the field as it wrote it ({@code programme.studyLoadEc}) and what it should hold.
 * <p>
 * Every mistake of a request is named in one answer. The framework reads a body until its first unreadable value; the
 * body is then read again with that value taken out, until it reads, naming each value taken out, and what remains is
 * checked against its constraints and rules ({@link BodyMistakes}): {@code "studyLoadEc": "120 EC"} with a blank name
 * and a start in the past names all three. Query and path parameters are each read on their own, so all their mistakes
 * are named together ({@link ParameterMistakes}).
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(ConversionErrorHandler.class)
public class UnreadableValues implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableValues.class);
    /** More unreadable values than this in one body are named in the next answer. */
    private static final int MOST_TAKEN_OUT = 50;

    private final Problems problems;
    private final ParameterMistakes parameters;
    private final BodyMistakes bodies;
    private final JsonMapper json;

    public UnreadableValues(Problems problems, ParameterMistakes parameters, BodyMistakes bodies, JsonMapper json) {
        this.problems = problems;
        this.parameters = parameters;
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        SerdeException body = serdeCause(exception.getConversionError().getCause());
        if (body == null) {
            FieldViolation found = new FieldViolation(exception.getArgument().getName(), expected(exception.getArgument()));
            return problems.fields(request, HttpStatus.BAD_REQUEST, exception, parameters.all(request, found));
        }
        List<FieldViolation> all = new ArrayList<>(everyMistakeOfTheBody(request, exception.getArgument(), body));
        all.sort(FieldViolation.BY_FIELD);
        return problems.fields(request, HttpStatus.BAD_REQUEST, exception, all);
    }

    /**
     * The unreadable values of a body, each taken out (as if not given) and named, then the mistakes of the rest. Only a
     * body the request holds in memory is read again (a handler must not wait for one); otherwise the first is named.
     */
    private List<FieldViolation> everyMistakeOfTheBody(HttpRequest<?> request, Argument<?> type, SerdeException first) {
        List<FieldViolation> unreadable = new ArrayList<>(List.of(violation(type, first)));
        Optional<Object> tree = bodyOf(request);
        List<ReferencePath> path = stepsOf(first);
        while (tree.isPresent() && unreadable.size() <= MOST_TAKEN_OUT && takeOut(tree.get(), path)) {
            Object read;
            try {
                read = json.readValue(json.writeValueAsBytes(tree.get()), type);
            } catch (IOException | RuntimeException e) {
                SerdeException next = serdeCause(e);
                FieldViolation named = next == null || next.getPath().isEmpty() ? null : violation(type, next);
                if (named == null || unreadable.contains(named)) {
                    return unreadable; // not a value in the body, or one taken out already: name what is known
                }
                unreadable.add(named);
                path = stepsOf(next);
                continue;
            }
            List<FieldViolation> all = new ArrayList<>(unreadable);
            all.addAll(bodies.of(read, unreadable.stream().map(FieldViolation::field).collect(Collectors.toSet())));
            return all;
        }
        return unreadable;
    }

    /** The request's body as plain maps and lists, if it is JSON and kept ({@link KeptBodies}) or in memory. */
    private Optional<Object> bodyOf(HttpRequest<?> request) {
        Optional<byte[]> bytes = KeptBodies.of(request).or(() -> request instanceof FullHttpRequest<?> full
                ? Optional.ofNullable(full.contents()).map(ByteBuffer::toByteArray) : Optional.empty());
        if (bytes.isEmpty()) {
            LOG.debug("The body of {} is not at hand; naming its first unreadable value only", request.getPath());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(bytes.get(), Argument.OBJECT_ARGUMENT));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read a body again to name all its mistakes: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Sets the value at {@code path} to null (a field or a list's item); false when the path leads nowhere in the tree. */
    @SuppressWarnings("unchecked")
    static boolean takeOut(Object tree, List<ReferencePath> path) {
        if (path.isEmpty()) {
            return false;
        }
        Object at = tree;
        for (int i = 0; i < path.size(); i++) {
            ReferencePath step = path.get(i);
            boolean last = i == path.size() - 1;
            if (step instanceof CollectionItemReferencePath item) {
                if (!(at instanceof List<?> list) || item.index() < 0 || item.index() >= list.size()) {
                    return false;
                }
                if (last) {
                    ((List<Object>) list).set(item.index(), null);
                    return true;
                }
                at = list.get(item.index());
            } else {
                String key = step instanceof MapItemReferencePath entry ? entry.key() : step.getArgument().getName();
                if (!(at instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    return false;
                }
                if (last) {
                    ((Map<String, Object>) map).put(key, null);
                    return true;
                }
                at = map.get(key);
            }
        }
        return false;
    }

    private static FieldViolation violation(Argument<?> type, SerdeException body) {
        List<ReferencePath> path = stepsOf(body);
        if (path.isEmpty()) {
            return new FieldViolation("request", expected(type));
        }
        return new FieldViolation(pathOf(path), expected(valueAt(path.get(path.size() - 1))));
    }

    /** The outermost exception holds the whole path, innermost step first: this is outermost first. */
    private static List<ReferencePath> stepsOf(SerdeException body) {
        List<ReferencePath> path = new ArrayList<>(body.getPath());
        Collections.reverse(path);
        return path;
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
