package nl.programmes.platform.bench;

import nl.programmes.runtime.Ports;
import nl.programmes.testkit.RunningService;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * How long an intake table takes to import ({@code POST /api/offerings/import}): the announcements service on the test
 * kit's broker and database, a table of N rows (2,000 by default) with six study years each, imported three times: new
 * (every offering registered, every figure recorded), again unchanged (nothing recorded), and with one year's figures
 * changed. What a person waits for on the portal's import page, and what the gateway's and the page's two minutes
 * (micronaut.http.services.gateway-commands.read-timeout, IntakePages) must cover. Run with ./docs/benchmarks/intake-import.sh [rows].
 */
public final class IntakeImportBenchmark {

    private IntakeImportBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 2_000);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the service runs in another process: exit so it does not outlive a failed run
        }
    }

    private static void run(int rows) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "."));
        TestPlatform platform = TestPlatform.get();
        ServiceUnderTest slice = platform.services("announcements").get("announcements");
        String token = platform.tokens().mint("bench-admin", "platform", "ADMIN");
        try (RunningService announcements = RunningService.start(slice, root, Ports.free(), Map.of())) {
            HttpClient http = HttpClient.newHttpClient();
            // A small table first, untimed: the service's first requests run on cold code.
            importTable(http, announcements, token, table(50, "Warm-up", 0));
            System.out.println();
            System.out.println("==== Intake import benchmark (" + Runtime.getRuntime().availableProcessors() + " cores) ====");
            System.out.printf("table                            %,d rows, six study years each%n", rows);
            print("new (registered, recorded)", timed(http, announcements, token, table(rows, "Bench", 0)), rows);
            print("again, unchanged", timed(http, announcements, token, table(rows, "Bench", 0)), rows);
            print("again, one year changed", timed(http, announcements, token, table(rows, "Bench", 1)), rows);
        }
    }

    private static void print(String what, long[] result, int rows) {
        System.out.printf("%-32s %,.2f s (%.2f ms a row); %s%n", what, result[0] / 1e9, result[0] / 1e6 / rows,
                "figures recorded " + result[1]);
    }

    /** Rows of one institution, programmes named by number; {@code changed} raises the last year's figure of each. */
    static String table(int rows, String name, int changed) {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("institution,programme,form,location,2018,2019,2020,2021,2022,2023\n");
        for (int i = 0; i < rows; i++) {
            csv.append("bench-org,Ad ").append(name).append(' ').append(i).append(",voltijd,Enschede");
            for (int year = 0; year < 6; year++) {
                int figure = random.nextInt(200);
                csv.append(',').append(year == 5 ? figure + changed : figure);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static long[] timed(HttpClient http, RunningService announcements, String token, String csv) throws Exception {
        long start = System.nanoTime();
        String report = importTable(http, announcements, token, csv);
        long took = System.nanoTime() - start;
        java.util.regex.Matcher figures = java.util.regex.Pattern.compile("\"figuresReported\":(\\d+)").matcher(report);
        return new long[] {took, figures.find() ? Long.parseLong(figures.group(1)) : -1};
    }

    private static String importTable(HttpClient http, RunningService announcements, String token, String csv) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(announcements.url("/api/offerings/import")))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("import answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
