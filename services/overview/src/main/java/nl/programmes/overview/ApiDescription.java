package nl.programmes.overview;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Title of the OpenAPI description the build writes to META-INF/swagger (served at /swagger/). */
@OpenAPIDefinition(info = @Info(title = "overview", version = "0.1",
        description = "The shared overview of announcements, offerings and objections, read side."))
final class ApiDescription {

    private ApiDescription() {
    }
}
