package nl.programmes.kit.problem;

import io.micronaut.validation.validator.Validator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is wrong with a request body besides what was named already: its constraints and its {@link BodyRules}. Used
 * when a body broke its constraints (the rules' mistakes join them) and when a value of it could not be read (the
 * body is read again without it, and the rest is checked), so a form's mistakes come in one answer, whatever their kind.
 */
@Singleton
public class BodyMistakes {

    private static final Logger LOG = LoggerFactory.getLogger(BodyMistakes.class);

    private final Validator validator;
    private final List<BodyRules<?>> rules;

    public BodyMistakes(Validator validator, List<BodyRules<?>> rules) {
        this.validator = validator;
        this.rules = rules;
    }

    /**
     * The constraints' and the rules' mistakes in {@code body}, but none of a field in {@code named}; a field its
     * constraint names is not named again by a rule.
     */
    public List<FieldViolation> of(Object body, Set<String> named) {
        List<FieldViolation> found = new ArrayList<>(validator.validate(body).stream()
                .map(v -> new FieldViolation(ProblemHandlers.ConstraintViolations.fieldPath(v), v.getMessage()))
                .filter(v -> !named.contains(v.field())).distinct().toList());
        Set<String> namedNow = new HashSet<>(named);
        found.forEach(v -> namedNow.add(v.field()));
        found.addAll(ruledOut(List.of(body), namedNow));
        return found;
    }

    /** What the rules find in {@code bodies}, but in no field of {@code named}: a field is named once, by its constraint. */
    public List<FieldViolation> ruledOut(Collection<?> bodies, Set<String> named) {
        List<FieldViolation> found = new ArrayList<>();
        for (Object body : bodies) {
            for (BodyRules<?> each : rules) {
                if (each.body().isInstance(body)) {
                    found.addAll(check(each, body));
                }
            }
        }
        return found.stream().filter(v -> !named.contains(v.field())).distinct().toList();
    }

    private static <B> List<FieldViolation> check(BodyRules<B> rules, Object body) {
        List<FieldViolation> found = new ArrayList<>();
        try {
            rules.check(rules.body().cast(body), found);
        } catch (RuntimeException e) {
            // The mistakes named already are the answer's floor; a rule stumbling on a half-read body must not turn a
            // 400 into a 500.
            LOG.warn("The rules of {} failed on a body with mistakes", rules.body().getSimpleName(), e);
            return List.of();
        }
        return found;
    }
}
