package nl.programmes.consultations;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Title of the OpenAPI description the build writes to META-INF/swagger (served at /swagger/). */
@OpenAPIDefinition(info = @Info(title = "consultations", version = "0.1",
        description = "Consultations on announcements and the positions consulted organisations record per location."))
final class ApiDescription {

    private ApiDescription() {
    }
}
