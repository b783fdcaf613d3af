package nl.programmes.runtime;

import nl.programmes.events.Topics;
import nl.programmes.kit.inbox.DeadLetters;
import nl.programmes.kit.inbox.TopicReader;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** Prints what is parked on a topic's dead-letter twin: where it came from and why it failed. */
final class ParkedRecords {

    private ParkedRecords() {
    }

    static void print(String bootstrapServers, String topic, PrintStream out) {
        String deadLetters = Topics.deadLetter(topic);
        AtomicLong count = new AtomicLong();
        StringBuilder lines = new StringBuilder();
        TopicReader.readAll(bootstrapServers, deadLetters, record -> {
            count.incrementAndGet();
            lines.append("  key=%s from %s-%s@%s: %s%n".formatted(record.key(),
                    TopicReader.header(record, DeadLetters.ORIGINAL_TOPIC), TopicReader.header(record, DeadLetters.ORIGINAL_PARTITION),
                    TopicReader.header(record, DeadLetters.ORIGINAL_OFFSET), TopicReader.header(record, DeadLetters.ERROR)));
        });
        out.printf("%s: %d parked%n%s", deadLetters, count.get(), lines);
    }
}
