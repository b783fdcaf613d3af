package nl.programmes.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one service from its build output: its jar and the runtime classpath file Maven wrote
 * beside it ({@code target/classpath.txt}). Shared by the local runtime and the platform tests.
 */
public record ServiceLaunch(String name, String mainClass, Path moduleDir) {

    /**
     * Heap and JIT settings that keep five services within the local memory budget and start fast
     * (C1 only). They cost steady-state speed, so the benchmark runs services with
     * {@code SERVICE_JVM_OPTIONS} set to what production would use.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=160m", "-Xss512k");

    /** {@link #JVM_OPTIONS}, or the space-separated {@code SERVICE_JVM_OPTIONS} of the environment when set. */
    public static List<String> jvmOptions() {
        String configured = System.getenv("SERVICE_JVM_OPTIONS");
        return configured == null || configured.isBlank() ? JVM_OPTIONS : List.of(configured.strip().split("\\s+"));
    }

    public static List<ServiceLaunch> all(Path projectRoot) {
        return List.of(
                of(projectRoot, "announcements"),
                of(projectRoot, "consultations"),
                of(projectRoot, "steering"),
                of(projectRoot, "overview"),
                of(projectRoot, "portal"));
    }

    public static ServiceLaunch of(Path projectRoot, String name) {
        return new ServiceLaunch(name, "nl.programmes." + name + ".Application", projectRoot.resolve("services").resolve(name));
    }

    public String classpath() {
        Path target = moduleDir.resolve("target");
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException("No build output for " + name + " (" + classpathFile
                    + " is missing): build first with ./mvnw -DskipTests package");
        }
        try {
            return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JavaProcess start(Map<String, String> environment, Path log) {
        return JavaProcess.start(name, classpath(), jvmOptions(), mainClass, List.of(), environment, log);
    }
}
