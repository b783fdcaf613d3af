package nl.programmes.kit.problem;

import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.validation.validator.Validator;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every mistake in a request's query and path parameters, not only the first. The framework reads the parameters one
 * by one and stops at the first it cannot convert ({@code size=abc}), before the constraints of the others
 * ({@code order=sideways}) are checked; a caller would learn of its mistakes one request at a time. Given the one
 * the framework found, this reads every parameter of the route again, as the route declares it, and checks each one's
 * constraints too.
 */
@Singleton
public class ParameterMistakes {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterMistakes.class);

    private final ConversionService conversion;
    private final Validator validator;
    private final BeanContext beans;

    public ParameterMistakes(ConversionService conversion, Validator validator, BeanContext beans) {
        this.conversion = conversion;
        this.validator = validator;
        this.beans = beans;
    }

    /** The mistakes of the request's parameters, at least the one found; in the order of their names. */
    public List<FieldViolation> all(HttpRequest<?> request, FieldViolation found) {
        try {
            return RouteAttributes.getRouteMatch(request)
                    .filter(MethodBasedRouteMatch.class::isInstance)
                    .map(match -> read(request, (MethodBasedRouteMatch<?, ?>) match, found))
                    .orElse(List.of(found));
        } catch (RuntimeException e) {
            // The one mistake found is the answer's floor; failing to find more must not turn a 400 into a 500.
            LOG.debug("Could not check the other parameters of {}", request.getPath(), e);
            return List.of(found);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<FieldViolation> read(HttpRequest<?> request, MethodBasedRouteMatch<?, ?> route, FieldViolation found) {
        Argument<?>[] arguments = route.getArguments();
        Object[] values = new Object[arguments.length];
        Set<String> unreadable = new HashSet<>();
        // Only these are checked again: a body or a header is not read here, and its null would break its own constraints.
        Set<String> parameters = new HashSet<>();
        List<FieldViolation> mistakes = new ArrayList<>();
        Map<String, Object> pathValues = route.getVariableValues();
        for (int i = 0; i < arguments.length; i++) {
            Argument<?> argument = arguments[i];
            if (isParameter(argument, pathValues)) {
                parameters.add(argument.getName());
            }
            Optional<String> text = text(request, pathValues, argument);
            if (text.isEmpty()) {
                continue;
            }
            ArgumentConversionContext<?> context = ConversionContext.of(argument);
            Optional<?> value = conversion.convert(text.get(), context);
            if (value.isPresent() && context.getLastError().isEmpty()) {
                values[i] = value.get();
            } else {
                unreadable.add(argument.getName());
                mistakes.add(new FieldViolation(nameOf(argument), UnreadableValues.expected(argument)));
            }
        }
        FieldViolation first = new FieldViolation(named(arguments, found.field()), found.message());
        if (mistakes.stream().noneMatch(m -> m.field().equals(first.field()))) {
            mistakes.add(first);
        }
        Object controller = beans.getBean(route.getDeclaringType());
        validator.forExecutables().validateParameters(controller, (io.micronaut.inject.ExecutableMethod) route.getExecutableMethod(), values)
                .stream()
                .filter(v -> parameters.contains(ProblemHandlers.ConstraintViolations.fieldPath(v)))
                .filter(v -> !unreadable.contains(ProblemHandlers.ConstraintViolations.fieldPath(v)))
                .map(v -> new FieldViolation(named(arguments, ProblemHandlers.ConstraintViolations.fieldPath(v)), v.getMessage()))
                .forEach(mistakes::add);
        return mistakes.stream().distinct()
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message)).toList();
    }

    /**
     * A parameter as the caller wrote it: {@code @QueryValue("for") String target} is {@code for}. Bean Validation names
     * the Java parameter; the caller never saw that name.
     */
    public String named(HttpRequest<?> request, String field) {
        try {
            return RouteAttributes.getRouteMatch(request)
                    .filter(MethodBasedRouteMatch.class::isInstance)
                    .map(match -> named(((MethodBasedRouteMatch<?, ?>) match).getArguments(), field))
                    .orElse(field);
        } catch (RuntimeException e) {
            return field;
        }
    }

    private static String named(Argument<?>[] arguments, String field) {
        for (Argument<?> argument : arguments) {
            if (argument.getName().equals(field)) {
                return nameOf(argument);
            }
        }
        return field;
    }

    private static String nameOf(Argument<?> argument) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        return annotations.stringValue(QueryValue.class).filter(n -> !n.isEmpty())
                .or(() -> annotations.stringValue(PathVariable.class).filter(n -> !n.isEmpty()))
                .orElse(argument.getName());
    }

    private static boolean isParameter(Argument<?> argument, Map<String, Object> pathValues) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        return annotations.hasAnnotation(QueryValue.class) || annotations.hasAnnotation(PathVariable.class)
                || pathValues.containsKey(argument.getName());
    }

    /** The text a query or path parameter was given, or its declared default; empty for other arguments (a body, a caller). */
    private static Optional<String> text(HttpRequest<?> request, Map<String, Object> pathValues, Argument<?> argument) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        if (annotations.hasAnnotation(QueryValue.class)) {
            String name = annotations.stringValue(QueryValue.class).filter(n -> !n.isEmpty()).orElse(argument.getName());
            return Optional.ofNullable(request.getParameters().get(name))
                    .or(() -> annotations.stringValue(Bindable.class, "defaultValue"));
        }
        if (annotations.hasAnnotation(PathVariable.class) || pathValues.containsKey(argument.getName())) {
            String name = annotations.stringValue(PathVariable.class).filter(n -> !n.isEmpty()).orElse(argument.getName());
            return Optional.ofNullable(pathValues.get(name)).map(Object::toString);
        }
        return Optional.empty();
    }
}
