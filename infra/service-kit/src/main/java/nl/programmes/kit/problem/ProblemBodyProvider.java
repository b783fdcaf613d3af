package nl.programmes.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every error response the framework builds (404 routes, 405, unreadable JSON, missing
 * arguments, and our own handlers) into an RFC 9457 problem.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    /** What a 500 says: the cause is logged, and it is not the caller's business. */
    public static final String ON_OUR_SIDE = "Something went wrong on our side. It has been logged; please try again later.";

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        List<FieldViolation> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new FieldViolation(error.getPath().get(), error.getMessage()))
                .toList();
        String detail = context.getErrors().stream()
                .filter(error -> error.getPath().isEmpty())
                .map(Error::getMessage)
                .findFirst()
                .orElse(errors.isEmpty() ? null : describe(errors));
        if (status >= 500 && !(detail != null && saysWhoDidNotAnswer(status))) {
            detail = ON_OUR_SIDE;
        }
        return new Problem(typeOf(status, errors), titleOf(status, response.reason()), status, detail,
                context.getRequest().getPath(), errors);
    }

    /**
     * A 502, 503 or 504 tells the caller which service did not answer and whether to try again (the portal's
     * {@code ServiceOutage}), or that a service's database did not ({@link ProblemHandlers.Unexpected}): written for the
     * caller, so kept. A 500's detail never is.
     */
    private static boolean saysWhoDidNotAnswer(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    private static String describe(List<FieldViolation> errors) {
        return errors.size() == 1 ? "1 field is invalid: " + errors.get(0).field()
                : errors.size() + " fields are invalid: "
                + String.join(", ", errors.stream().map(FieldViolation::field).distinct().toList());
    }

    private static String typeOf(int status, List<FieldViolation> errors) {
        if (!errors.isEmpty()) {
            return Problem.TYPE_PREFIX + (status == 422 ? "rule-violation" : "validation");
        }
        return switch (status) {
            case 401 -> Problem.TYPE_PREFIX + "unauthenticated";
            case 403 -> Problem.TYPE_PREFIX + "forbidden";
            case 404 -> Problem.TYPE_PREFIX + "not-found";
            case 409 -> Problem.TYPE_PREFIX + "conflict";
            case 412 -> Problem.TYPE_PREFIX + "stale-version";
            case 428 -> Problem.TYPE_PREFIX + "precondition-required";
            default -> "about:blank";
        };
    }

    private static String titleOf(int status, String reason) {
        return switch (status) {
            case 400 -> "The request is not valid";
            case 401 -> "Sign-in required";
            case 403 -> "Not allowed for your organisation or role";
            case 404 -> "Not found";
            case 412 -> "Someone else changed this first";
            case 422 -> "The request breaks a rule";
            default -> reason;
        };
    }
}
