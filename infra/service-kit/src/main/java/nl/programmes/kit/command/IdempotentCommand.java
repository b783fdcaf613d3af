package nl.programmes.kit.command;

import io.micronaut.aop.Around;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command endpoint that a client may send again with the same {@code Idempotency-Key} header (a retry after a
 * timeout, a form submitted twice): the command is carried out once, and each repeat is answered as the first was.
 * The method must return an {@code HttpResponse}; its service needs the {@code idempotent_request} table.
 * See {@link IdempotentCommands}. The OpenAPI description names the header on each such operation (from the
 * {@code @Parameter} here; micronaut-openapi does not read a schema through it, so the header shows as untyped).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
@Parameter(name = IdempotentCommands.HEADER, in = ParameterIn.HEADER, required = false, description = "A key of the client's "
        + "choosing, new for each command (a UUID, say). Sent again with the same request, the command is carried out once "
        + "and the repeat gets the first answer, marked Idempotent-Replayed: true; with another request it is a 422.")
public @interface IdempotentCommand {
}
