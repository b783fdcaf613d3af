package nl.programmes.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted HTML form. Checkbox groups use one name per option ({@code programme.forms.VOLTIJD}) because
 * repeated names bind only their first value in Micronaut 4; {@link #checked} collects them again.
 * Its field errors are the service's, ordered as the form's fields ({@link #withErrors}).
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

    /**
     * A whole number as typed: the number, or the text itself when it is none. The service names such a text with the
     * form's other mistakes in one answer and records nothing; sent as "not given", an optional field would be recorded
     * empty while the page shows the error.
     */
    public Object whole(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** A number as typed, with a decimal comma or point: the number, or the text itself when it is none (as {@link #whole}). */
    public Object decimal(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /**
     * The service's field errors, with this form's own (more precise) messages winning, in the order of the form's
     * fields: the service names them alphabetically ({@code intendedStart} before {@code programme.isatCode}), a person
     * reads the summary from the top of the form down. A field the form did not send (no box ticked) goes last.
     */
    public Form withErrors(Map<String, String> fromService) {
        Map<String, String> merged = new LinkedHashMap<>(fromService);
        merged.putAll(errors);
        List<String> sent = List.copyOf(values.keySet());
        List<Map.Entry<String, String>> ordered = new ArrayList<>(merged.entrySet());
        ordered.sort(Comparator.comparingInt(error -> positionOf(error.getKey(), sent)));
        errors.clear();
        ordered.forEach(error -> errors.put(error.getKey(), error.getValue()));
        return this;
    }

    /**
     * Where a field stands among the sent ones: {@code programme.forms} where its boxes do, {@code agenda[1]} where
     * {@code agenda} does, and {@code p1.grounds} with no box ticked where the rest of {@code p1} does.
     */
    private static int positionOf(String field, List<String> sent) {
        for (String name = field.replaceAll("\\[\\d+]$", ""); !name.isEmpty();
             name = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "") {
            for (int i = 0; i < sent.size(); i++) {
                String key = sent.get(i);
                if (key.equals(name) || key.startsWith(name + ".") || key.startsWith(name + "[")) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}
