package nl.programmes.kit.problem;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The domain's rules on a request body that need nothing stored (a start in the past, a level the orientation does
 * not offer, an objection without grounds), run when the body's own constraints fail. Without them a form with a
 * missing name and a start in the past answered the name first and the start only once the name was mended: one
 * mistake per round. A service declares one bean per body type (a factory's, made with {@link #of}); its rules call the same domain checks the command
 * meets later, on the parts of the body that can be read (a part its constraints reject is skipped, as it is named
 * already).
 *
 * @param <B> the request body the rules read
 */
public interface BodyRules<B> {

    /** The body type the rules read. */
    Class<B> body();

    /** Adds the domain's stateless mistakes in {@code body} to {@code violations}, reading unreadable parts as absent. */
    void check(B body, List<FieldViolation> violations);

    /** Rules for {@code body}, as a service's factory declares them: {@code BodyRules.of(AnnounceRequest.class, (request, violations) -> …)}. */
    static <B> BodyRules<B> of(Class<B> body, BiConsumer<B, List<FieldViolation>> rules) {
        return new BodyRules<>() {
            @Override
            public Class<B> body() {
                return body;
            }

            @Override
            public void check(B request, List<FieldViolation> violations) {
                rules.accept(request, violations);
            }
        };
    }

    /** The constant of {@code type} that {@code name} spells exactly, or null when it names none (its constraint says so). */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
