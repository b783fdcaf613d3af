package nl.programmes.kit.command;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command endpoint that a client may send again with the same {@code Idempotency-Key} header (a retry after a
 * timeout, a form submitted twice): the command is carried out once, and each repeat is answered as the first was.
 * The method must return an {@code HttpResponse}; its service needs the {@code idempotent_request} table.
 * See {@link IdempotentCommands}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface IdempotentCommand {
}
