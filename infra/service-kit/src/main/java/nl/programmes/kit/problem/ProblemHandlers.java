package nl.programmes.kit.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import nl.programmes.kit.command.IdempotentCommands;
import nl.programmes.kit.persistence.DatabaseAwayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps validation failures and the kit's domain exceptions to problem+json responses. */
public final class ProblemHandlers {

    private ProblemHandlers() {
    }

    /**
     * Bean Validation failures on a request body or parameter: 400 naming each field, together with what the body's
     * {@link BodyRules} find in the fields its constraints let through, so a form's mistakes come in one answer.
     */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(ConstraintExceptionHandler.class)
    @Requires(classes = ConstraintViolationException.class)
    public static class ConstraintViolations
            implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

        private final Problems problems;
        private final ParameterMistakes parameters;
        private final BodyMistakes bodies;

        public ConstraintViolations(Problems problems, ParameterMistakes parameters, BodyMistakes bodies) {
            this.problems = problems;
            this.parameters = parameters;
            this.bodies = bodies;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
            List<FieldViolation> violations = new ArrayList<>(exception.getConstraintViolations().stream()
                    .map(v -> new FieldViolation(parameters.named(request, fieldPath(v)), v.getMessage()))
                    .toList());
            violations.addAll(bodies.ruledOut(arguments(exception),
                    violations.stream().map(FieldViolation::field).collect(Collectors.toSet())));
            violations.sort(FieldViolation.BY_FIELD);
            return problems.fields(request, HttpStatus.BAD_REQUEST, exception, violations);
        }

        /** The method's arguments whose constraints failed: the request bodies among them are checked by their rules. */
        private static Collection<Object> arguments(ConstraintViolationException exception) {
            Set<Object> arguments = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
                Object[] values = violation.getExecutableParameters();
                if (values != null) {
                    arguments.addAll(Arrays.stream(values).filter(Objects::nonNull).toList());
                }
            }
            return arguments;
        }

        /** {@code announce.request.programme.isatCode} becomes {@code programme.isatCode}. */
        static String fieldPath(ConstraintViolation<?> violation) {
            StringBuilder path = new StringBuilder();
            String parameter = null;
            for (Path.Node node : violation.getPropertyPath()) {
                switch (node.getKind()) {
                    case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                        continue;
                    }
                    case PARAMETER -> {
                        parameter = node.getName();
                        continue;
                    }
                    default -> {
                    }
                }
                // An index or key on a node addresses the element of the container before it.
                if (node.isInIterable() && node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.isInIterable() && node.getKey() != null) {
                    path.append('[').append(node.getKey()).append(']');
                }
                if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                    continue;
                }
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
            if (path.isEmpty()) {
                return parameter == null ? "request" : parameter;
            }
            return path.toString();
        }
    }

    /**
     * A body that is not JSON at all. The framework's detail quoted the parser's source position in its own notation
     * ({@code at [Source: REDACTED …]}); this says where, in the words a person reads.
     */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(JsonExceptionHandler.class)
    public static class UnreadableJson implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        private final Problems problems;

        public UnreadableJson(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return problems.detail(request, HttpStatus.BAD_REQUEST, exception, describe(exception));
        }

        static String describe(JsonSyntaxException exception) {
            if (exception.getCause() instanceof JsonProcessingException parser) {
                JsonLocation at = parser.getLocation();
                return "The body is not valid JSON: " + parser.getOriginalMessage()
                        + (at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
            }
            return "The body is not valid JSON";
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class InvalidCommands implements ExceptionHandler<InvalidCommandException, HttpResponse<?>> {
        private final Problems problems;

        public InvalidCommands(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidCommandException exception) {
            return problems.fields(request, HttpStatus.UNPROCESSABLE_ENTITY, exception, exception.violations());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class InvalidParameters implements ExceptionHandler<InvalidParameterException, HttpResponse<?>> {
        private final Problems problems;

        public InvalidParameters(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidParameterException exception) {
            return problems.fields(request, HttpStatus.BAD_REQUEST, exception, List.of(exception.violation()));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<?>> {
        private final Problems problems;

        public NotFound(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NotFoundException exception) {
            return problems.detail(request, HttpStatus.NOT_FOUND, exception, exception.getMessage());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class Forbidden implements ExceptionHandler<ForbiddenException, HttpResponse<?>> {
        private final Problems problems;

        public Forbidden(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ForbiddenException exception) {
            return problems.detail(request, HttpStatus.FORBIDDEN, exception, exception.getMessage());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class StaleVersion implements ExceptionHandler<StaleVersionException, HttpResponse<?>> {
        private final Problems problems;

        public StaleVersion(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, StaleVersionException exception) {
            return problems.detail(request, HttpStatus.PRECONDITION_FAILED, exception, exception.getMessage());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class PreconditionRequired implements ExceptionHandler<PreconditionRequiredException, HttpResponse<?>> {
        private final Problems problems;

        public PreconditionRequired(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, PreconditionRequiredException exception) {
            return problems.detail(request, HttpStatus.PRECONDITION_REQUIRED, exception, exception.getMessage());
        }
    }

    /**
     * What no other handler takes. The service's database not answering is a 503 that says so, with Retry-After: the
     * caller can do something about it (wait), and a command sent again with its Idempotency-Key is recorded once. The
     * rest is the framework's 500, logged here as it logged it.
     */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
        /** What a read that meets the database away is told, the service named by its application name. */
        public static final String DATABASE_AWAY_READ = "The service for %s cannot reach its database just now. Try again in a minute.";
        /** What a command that meets it is told. */
        public static final String DATABASE_AWAY_COMMAND = "The service for %s cannot reach its database just now, so this was not done."
                + " Try again in a minute; sent again with the same Idempotency-Key, a command is recorded once.";
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);
        /** Seconds a caller waits before it tries again: a database restart or failover takes about as long. */
        protected static final int RETRY_AFTER_SECONDS = 60;

        private final Problems problems;
        private final String service;

        public Unexpected(Problems problems, @Value("${micronaut.application.name:this service}") String service) {
            this.problems = problems;
            this.service = service;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
            if (logged(request, exception)) {
                return problems.detail(request, HttpStatus.SERVICE_UNAVAILABLE, exception, databaseAway(request))
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            }
            return problems.detail(request, HttpStatus.INTERNAL_SERVER_ERROR, exception, null);
        }

        /** What the caller is told when the database is away: a read may simply be tried again, a command is not done. */
        protected String databaseAway(HttpRequest<?> request) {
            return (IdempotentCommands.isCommand(request) ? DATABASE_AWAY_COMMAND : DATABASE_AWAY_READ).formatted(service);
        }

        /** Logs what happened, a line for the database away and the whole trace for the rest; true for the database away. */
        protected static boolean logged(HttpRequest<?> request, RuntimeException exception) {
            if (DatabaseAwayException.isCause(exception)) {
                LOG.warn("{} {}: 503, the database is not reachable ({})", request.getMethodName(), request.getPath(), exception.toString());
                return true;
            }
            LOG.error("Unexpected error occurred: {}", exception.getMessage(), exception);
            return false;
        }
    }
}
