package nl.programmes.announcements;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Title of the OpenAPI description the build writes to META-INF/swagger (served at /swagger/). */
@OpenAPIDefinition(info = @Info(title = "announcements", version = "0.1",
        description = "Announcements of intended programmes, their lifecycle, and the register of existing offerings."))
final class ApiDescription {

    private ApiDescription() {
    }
}
