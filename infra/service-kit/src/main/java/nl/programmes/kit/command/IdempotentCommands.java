package nl.programmes.kit.command;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.InvalidParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out an {@link IdempotentCommand} once per caller and {@code Idempotency-Key}. The key is claimed, the
 * command carried out and its answer kept in one transaction, so a repeat never finds a command done without its
 * answer, nor an answer without its command. A repeat while the first is still running waits for the first's
 * transaction, then gets its answer. A command that fails keeps nothing: sent again, it runs again. The same key with
 * a different request is refused (422), as the client has mixed up two commands. Without the header a command runs
 * as it always did.
 */
@Singleton
@InterceptorBean(IdempotentCommand.class)
public class IdempotentCommands implements MethodInterceptor<Object, Object> {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer that repeats the first one, as with the payment APIs that made the header common. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** Whether a request may record something: anything but a read (GET, HEAD). What a caller is told of one that failed depends on it. */
    public static boolean isCommand(HttpRequest<?> request) {
        return request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD;
    }

    private final TransactionOperations<Connection> transactions;
    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotentCommands(TransactionOperations<Connection> transactions, JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.transactions = transactions;
        this.sql = new Sql(jdbc);
        this.json = json;
        this.clock = clock;
    }

    private record Kept(String fingerprint, int status, String location, String etag, byte[] body) {
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        Optional<String> header = request.flatMap(r -> r.getHeaders().findFirst(HEADER));
        if (header.isEmpty()) {
            return context.proceed();
        }
        String key = header.get().strip();
        if (key.isEmpty() || key.length() > 200) {
            throw new InvalidParameterException(HEADER, "must be 1 to 200 characters");
        }
        String caller = request.get().getUserPrincipal().map(Principal::getName).orElse("");
        String operation = context.getDeclaringType().getSimpleName() + "." + context.getMethodName();
        String fingerprint = fingerprint(operation, context);
        return transactions.executeWrite(status -> {
            // Waits on a first request's uncommitted claim; 0 once that one committed.
            int claimed = sql.update("INSERT IGNORE INTO idempotent_request (caller, request_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                    Sql.params(caller, key, fingerprint, Timestamp.from(clock.instant())));
            if (claimed == 0) {
                return repeat(caller, key, fingerprint);
            }
            Object answer = context.proceed();
            if (!(answer instanceof HttpResponse<?> response)) {
                throw new IllegalStateException(operation + " is an @IdempotentCommand but answers no HttpResponse");
            }
            sql.update("UPDATE idempotent_request SET status = ?, location = ?, etag = ?, body = ? WHERE caller = ? AND request_key = ?",
                    Sql.params(response.code(), response.getHeaders().get(HttpHeaders.LOCATION), response.getHeaders().get(HttpHeaders.ETAG),
                            response.getBody().map(this::write).orElse(null), caller, key));
            return response;
        });
    }

    private MutableHttpResponse<?> repeat(String caller, String key, String fingerprint) {
        Kept kept = sql.one("SELECT fingerprint, status, location, etag, body FROM idempotent_request WHERE caller = ? AND request_key = ?",
                Sql.params(caller, key), rs -> new Kept(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .orElseThrow(() -> new IllegalStateException("claimed key " + key + " has no row"));
        if (!kept.fingerprint().equals(fingerprint)) {
            throw new InvalidCommandException(HEADER, "was used for another request; use a new key for each command");
        }
        MutableHttpResponse<Object> answer = HttpResponse.status(HttpStatus.valueOf(kept.status())).header(REPLAYED, "true");
        if (kept.location() != null) {
            answer.header(HttpHeaders.LOCATION, kept.location());
        }
        if (kept.etag() != null) {
            answer.header(HttpHeaders.ETAG, kept.etag());
        }
        return kept.body() == null ? answer : answer.contentType(MediaType.APPLICATION_JSON_TYPE).body(kept.body());
    }

    /** The operation and its arguments as the client sent them (the caller's identity is the key's own column). */
    private String fingerprint(String operation, MethodInvocationContext<Object, Object> context) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, MutableArgumentValue<?>> argument : context.getParameters().entrySet()) {
            Object value = argument.getValue().getValue();
            if (!(value instanceof Authentication) && !(value instanceof HttpRequest<?>)) {
                arguments.put(argument.getKey(), value);
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update(write(arguments));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
