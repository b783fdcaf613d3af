package nl.programmes.portal.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The pages' texts: i18n/messages_nl (default) and i18n/messages_en, read by Thymeleaf's #{...}. */
@Factory
public class WebConfiguration {

    @Singleton
    MessageSource pageTexts() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
