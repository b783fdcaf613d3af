package nl.programmes.kit.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Builds problem responses through the framework's error processor, so every path looks alike. */
@Singleton
public class Problems {

    private final ErrorResponseProcessor<?> processor;

    public Problems(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    public MutableHttpResponse<?> fields(HttpRequest<?> request, HttpStatus status, Throwable cause,
                                         List<FieldViolation> violations) {
        ErrorContext.Builder context = ErrorContext.builder(request).cause(cause);
        context.errors(violations.stream().<Error>map(FieldError::new).toList());
        return processor.processResponse(context.build(), HttpResponse.status(status));
    }

    public MutableHttpResponse<?> detail(HttpRequest<?> request, HttpStatus status, Throwable cause, String detail) {
        return processor.processResponse(ErrorContext.builder(request).cause(cause).errorMessage(detail).build(),
                HttpResponse.status(status));
    }

    private record FieldError(FieldViolation violation) implements Error {
        @Override
        public Optional<String> getPath() {
            return Optional.of(violation.field());
        }

        @Override
        public String getMessage() {
            return violation.message();
        }
    }
}
