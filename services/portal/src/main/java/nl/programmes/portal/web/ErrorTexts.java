package nl.programmes.portal.web;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The services name bad fields in English (their problem+json is for API clients too). Before a page is
 * rendered, each field message the bundles know is put in the page's language; one they do not know
 * (messages with values in them, such as a date) is shown as the service wrote it. When fields are
 * wrong, the summary above the form says so in the page's language instead of the service's detail,
 * and names each field by its label where the bundles have one ({@code field.<json path>}).
 */
@Singleton
public class ErrorTexts implements ViewModelProcessor<Map<String, Object>> {

    private final MessageSource texts;
    private final HttpLocaleResolver locales;

    public ErrorTexts(MessageSource texts, HttpLocaleResolver locales) {
        this.texts = texts;
        this.locales = locales;
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
                model.put("errors", translated);
                model.put("errorLabels", labels);
                model.put("problem", texts.getMessage("form.checkFields", locale).orElse(String.valueOf(model.get("problem"))));
            }
        });
    }

    String translate(String message, Locale locale) {
        return texts.getMessage("validation." + key(message), locale).orElse(message);
    }

    /** "must be a CROHO/ISAT code of 5 digits" → "must_be_a_croho_isat_code_of_5_digits". */
    static String key(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
