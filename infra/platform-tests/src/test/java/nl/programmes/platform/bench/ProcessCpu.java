package nl.programmes.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU time this run's processes used, from {@code /proc} (Linux): what a phase cost the overview, MariaDB, the broker
 * and this load generator, per event. A rate on this shared virtual machine moves with the neighbours' load from run to
 * run; CPU per event moves much less, and says which process to look at. Elsewhere than on Linux it reports nothing.
 */
final class ProcessCpu {

    /** Cumulative CPU seconds per process, and the whole machine's busy seconds (all cores, idle and I/O wait left out). */
    record Sample(Map<String, Double> seconds, double machineBusy, long at) {
    }

    private static final double TICK = 0.01; // USER_HZ, 100 on Linux

    private final Map<String, Long> pids;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** Finds this run's processes among the load generator's descendants. */
    static ProcessCpu find() {
        Map<String, Long> pids = new LinkedHashMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            String command = p.info().command().orElse("");
            String line = p.info().commandLine().orElse(command);
            if (command.endsWith("mariadbd")) {
                pids.putIfAbsent("MariaDB", p.pid());
            } else if (line.contains("kafka-logback.xml")) {
                pids.put("broker", p.pid()); // the storage formatter, with the same file, has exited by now
            } else if (line.contains("services/overview/")) {
                pids.putIfAbsent("overview", p.pid());
            }
        });
        pids.put("load generator", ProcessHandle.current().pid());
        return new ProcessCpu(pids);
    }

    /** The process found under this name ("MariaDB", "broker", "overview", "load generator"). */
    long pid(String name) {
        Long pid = pids.get(name);
        if (pid == null) {
            throw new IllegalStateException("No " + name + " process among this run's: " + pids.keySet());
        }
        return pid;
    }

    Optional<Sample> sample() {
        try {
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (Map.Entry<String, Long> process : pids.entrySet()) {
                seconds.put(process.getKey(), cpuSeconds(process.getValue()));
            }
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[]{1, 2, 3, 6, 7, 8}) { // user, nice, system, irq, softirq, steal
                busy += Long.parseLong(cpu[i]);
            }
            return Optional.of(new Sample(seconds, busy * TICK, System.nanoTime()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or a process gone: no figures rather than wrong ones
        }
    }

    /** The CPU seconds (user and system) a process has used so far. */
    static double cpuSeconds(long pid) throws IOException {
        String[] fields = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ", 2)[1].split(" ");
        // utime and stime: fields 14 and 15 of the line, 12 and 13 after the command.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK;
    }

    /** "overview 25.1 µs, MariaDB 29.8 µs, …; machine 92% busy" for these events between the two samples. */
    static String perEvent(Optional<Sample> before, Optional<Sample> after, long events) {
        if (before.isEmpty() || after.isEmpty() || events <= 0) {
            return "not measured";
        }
        StringBuilder line = new StringBuilder();
        for (String name : after.get().seconds().keySet()) {
            Double was = before.get().seconds().get(name);
            if (was != null) {
                line.append(line.isEmpty() ? "" : ", ").append(name).append(' ')
                        .append(String.format("%.1f µs", (after.get().seconds().get(name) - was) * 1e6 / events));
            }
        }
        double wall = (after.get().at() - before.get().at()) / 1e9;
        double cores = Runtime.getRuntime().availableProcessors();
        return line.append(String.format("; machine %.0f%% busy", 100 * (after.get().machineBusy() - before.get().machineBusy())
                / (wall * cores))).toString();
    }
}
