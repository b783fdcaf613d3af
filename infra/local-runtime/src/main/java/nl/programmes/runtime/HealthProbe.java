package nl.programmes.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a service's {@code /health} until it answers 200. */
public final class HealthProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HealthProbe() {
    }

    public static boolean isHealthy(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static void awaitHealthy(String name, int port, JavaProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isHealthy(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + process.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + process.log());
            }
            Ports.sleep(200);
        }
    }
}
