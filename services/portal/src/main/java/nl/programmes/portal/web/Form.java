package nl.programmes.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted HTML form. Checkbox groups use one name per option ({@code programme.forms.VOLTIJD}) because
 * repeated names bind only their first value in Micronaut 4; {@link #checked} collects them again.
 * Problems found here (a number that is not a number) are kept as field errors next to the service's.
 */
public final class Form {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Form(Map<String, Object> body) {
        if (body != null) {
            body.forEach((key, value) -> values.put(key, value instanceof List<?> list
                    ? (list.isEmpty() ? "" : String.valueOf(list.get(0))) : String.valueOf(value)));
        }
    }

    public static Form empty() {
        return new Form(Map.of());
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public Form put(String field, String value) {
        values.put(field, value);
        return this;
    }

    /** The trimmed value, or null when empty, so an empty input reaches the service as "not given". */
    public String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean flag(String field) {
        String value = values.get(field);
        return value != null && !value.isBlank() && !"false".equals(value);
    }

    /** Options ticked in a checkbox group named {@code prefix.<option>}. */
    public List<String> checked(String prefix) {
        List<String> options = new ArrayList<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix + ".") && flag(key)) {
                options.add(key.substring(prefix.length() + 1));
            }
        });
        return options;
    }

    /** A comma- or line-separated list typed in one field. */
    public List<String> list(String field) {
        String value = text(field);
        return value == null ? null : Arrays.stream(value.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Integer whole(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    public BigDecimal decimal(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number");
            return null;
        }
    }

    /** The service's field errors, with this form's own (more precise) messages winning. */
    public Form withErrors(Map<String, String> fromService) {
        Map<String, String> merged = new LinkedHashMap<>(fromService);
        merged.putAll(errors);
        errors.clear();
        errors.putAll(merged);
        return this;
    }
}
