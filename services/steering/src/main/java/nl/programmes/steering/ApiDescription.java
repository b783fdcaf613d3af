package nl.programmes.steering;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Title of the OpenAPI description the build writes to META-INF/swagger (served at /swagger/). */
@OpenAPIDefinition(info = @Info(title = "steering", version = "0.1",
        description = "Steering-committee decisions on announcements, their corrections, and meetings."))
final class ApiDescription {

    private ApiDescription() {
    }
}
