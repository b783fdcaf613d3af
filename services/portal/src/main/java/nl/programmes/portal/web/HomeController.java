package nl.programmes.portal.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The landing page. The full web UI for institutions, consulted organisations and steering
 * committees is its own issue; until then this page says what runs and where to look.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class HomeController {

    @Get
    @Produces(MediaType.TEXT_HTML)
    public String home() {
        return """
                <!doctype html>
                <html lang="nl">
                <head><meta charset="utf-8"><title>Regionale afstemming opleidingen</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
                code{background:#f1f1f1;padding:0 .2rem}</style></head>
                <body>
                <h1>Regionale afstemming opleidingen</h1>
                <p lang="en">Regional programme coordination platform: the services are running.</p>
                <ul>
                  <li><code>POST /api/announcements</code>: announce an intended programme (institution staff)</li>
                  <li><code>GET /api/overview/announcements/{id}</code>: the shared overview of one announcement</li>
                  <li><a href="/.well-known/jwks.json">/.well-known/jwks.json</a>: the keys services validate tokens with</li>
                </ul>
                <p>Sign-in and the web pages for each user group are on their way; see the README for a token to try the API.</p>
                </body></html>
                """;
    }
}
