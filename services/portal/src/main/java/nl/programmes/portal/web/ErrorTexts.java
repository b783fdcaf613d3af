package nl.programmes.portal.web;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services name bad fields in English (their problem+json is for API clients too). Before a page is
 * rendered, each field message the bundles know is put in the page's language. A message with values in it (a
 * date, a place, a code) is matched against the patterns of {@code i18n/field-messages-with-values.txt} and shown in
 * the page's language with the same values; one neither knows is shown as the service wrote it. When fields are
 * wrong, the summary above the form says so in the page's language instead of the service's detail,
 * and names each field by its label where the bundles have one ({@code field.<json path>}). A problem without fields,
 * and a page's {@code outages} (the services it could not read a part from), are put in the page's language the same way.
 */
@Singleton
public class ErrorTexts implements ViewModelProcessor<Map<String, Object>> {

    static final String PATTERNS = "i18n/field-messages-with-values.txt";
    private static final Pattern SLOT = Pattern.compile("\\{(\\d)}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** One line of {@link #PATTERNS}: the service's message with its values as named groups, and its bundle key. */
    record WithValues(Pattern message, String key) {

        static WithValues of(String line) {
            StringBuilder regex = new StringBuilder();
            Matcher slot = SLOT.matcher(line);
            int from = 0;
            while (slot.find()) {
                regex.append(Pattern.quote(line.substring(from, slot.start()))).append("(?<v").append(slot.group(1)).append(">.+?)");
                from = slot.end();
            }
            regex.append(Pattern.quote(line.substring(from)));
            return new WithValues(Pattern.compile(regex.toString()), ErrorTexts.key(line));
        }
    }

    private final MessageSource texts;
    private final HttpLocaleResolver locales;
    private final List<WithValues> withValues;

    public ErrorTexts(MessageSource texts, HttpLocaleResolver locales) {
        this.texts = texts;
        this.locales = locales;
        this.withValues = patterns().stream().map(WithValues::of).toList();
    }

    /** The lines of {@link #PATTERNS}, comments and blank lines left out. */
    static List<String> patterns() {
        try (InputStream in = ErrorTexts.class.getClassLoader().getResourceAsStream(PATTERNS)) {
            if (in == null) {
                throw new IllegalStateException(PATTERNS + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        view.getModel().ifPresent(model -> {
            if (model.get("errors") instanceof Map<?, ?> errors && !errors.isEmpty()) {
                Locale locale = locales.resolveOrDefault(request);
                Map<String, String> translated = new LinkedHashMap<>();
                Map<String, String> labels = new LinkedHashMap<>();
                errors.forEach((field, message) -> {
                    translated.put(String.valueOf(field), translate(String.valueOf(message), locale));
                    labels.put(String.valueOf(field), texts.getMessage("field." + field, locale).orElse(String.valueOf(field)));
                });
                // A list typed as lines of one field (a meeting's agenda) is one field to the person: its lines'
                // errors (agenda[1], agenda[3]) are shown together beside it.
                if (model.get("linesOf") instanceof java.util.Collection<?> fields) {
                    for (Object field : fields) {
                        String prefix = field + "[";
                        List<String> lines = translated.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                                .map(Map.Entry::getValue).toList();
                        if (!lines.isEmpty()) {
                            translated.keySet().removeIf(key -> key.startsWith(prefix));
                            translated.put(String.valueOf(field), String.join("; ", lines));
                            labels.keySet().removeIf(key -> key.startsWith(prefix));
                            labels.put(String.valueOf(field), texts.getMessage("field." + field, locale).orElse(String.valueOf(field)));
                        }
                    }
                }
                model.put("errors", translated);
                model.put("errorLabels", labels);
                // A page of filters says so (checkFields), where a form's answer speaks of its fields.
                String hint = model.get("checkFields") instanceof String key ? key : "form.checkFields";
                model.put("problem", texts.getMessage(hint, locale).orElse(String.valueOf(model.get("problem"))));
            } else if (model.get("problem") instanceof String problem) {
                // A problem without fields (a service that did not answer, a version changed meanwhile): in the page's
                // language where the bundles know it.
                model.put("problem", translate(problem, locales.resolveOrDefault(request)));
            }
            if (model.get("outages") instanceof List<?> outages) {
                Locale locale = locales.resolveOrDefault(request);
                model.put("outages", outages.stream().map(o -> translate(String.valueOf(o), locale)).distinct().toList());
            }
        });
    }

    String translate(String message, Locale locale) {
        Optional<String> known = texts.getMessage("validation." + key(message), locale);
        if (known.isPresent()) {
            return known.get();
        }
        for (WithValues pattern : withValues) {
            Matcher values = pattern.message().matcher(message);
            if (values.matches()) {
                // The raw text: getMessage would fill {0} from its own (empty) variables first.
                return texts.getRawMessage("validation." + pattern.key(), MessageSource.MessageContext.of(locale))
                        .map(text -> fill(text, values, locale)).orElse(message);
            }
        }
        return message;
    }

    /**
     * The text with each {n} replaced by the message's value n, in one pass, so a value holding "{1}" stays as it is. A
     * date or a month among the values is written in words, as the pages write them: "(het is nu november 2026)", not
     * the service's "2026-11"; a word the bundles know as a value ({@code value.<key>}: a status such as "submitted", a
     * step such as "amended") in the page's language.
     */
    private String fill(String text, Matcher values, Locale locale) {
        return SLOT.matcher(text).replaceAll(slot -> Matcher.quoteReplacement(inWords(values.group("v" + slot.group(1)), locale)));
    }

    private String inWords(String value, Locale locale) {
        if (DAY.matcher(value).matches()) {
            return LocalTimes.INSTANCE.day(value, locale);
        }
        if (MONTH.matcher(value).matches()) {
            return LocalTimes.INSTANCE.month(value, locale);
        }
        return texts.getRawMessage("value." + key(value), MessageSource.MessageContext.of(locale)).orElse(value);
    }

    /** "must be a CROHO/ISAT code of 5 digits" → "must_be_a_croho_isat_code_of_5_digits". */
    static String key(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
