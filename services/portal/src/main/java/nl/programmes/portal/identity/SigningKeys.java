package nl.programmes.portal.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.programmes.kit.security.DevSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The key the portal signs tokens with and publishes as JWKS. Locally it is the development key the
 * runtime keeps under its data directory ({@code PORTAL_SIGNING_KEY_FILE}); without a file it makes a
 * throw-away key, so tokens do not survive a restart.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final DevSigningKey key;

    public SigningKeys(@Value("${platform.signing-key-file:}") String keyFile) {
        if (keyFile == null || keyFile.isBlank()) {
            LOG.warn("No platform.signing-key-file set: using a throw-away signing key");
            this.key = DevSigningKey.generate();
        } else {
            this.key = DevSigningKey.loadOrCreate(Path.of(keyFile));
        }
    }

    public String publicJwks() {
        return key.publicJwks();
    }
}
