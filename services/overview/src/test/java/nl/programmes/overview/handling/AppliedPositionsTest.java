package nl.programmes.overview.handling;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedPositionsTest {

    @Test
    void eachPartitionMovesToPastItsFurthestRecordAndNeverBack() {
        AppliedPositions positions = new AppliedPositions();
        positions.applying();
        assertThat(positions.idle()).isFalse();
        // Partition by partition as a poll lists them, and once a partition again after another (a list built otherwise).
        positions.applied(List.of(record("consultations", 0, 5), record("consultations", 0, 6), record("consultations", 1, 10),
                record("programme-offerings", 0, 3), record("consultations", 0, 7), record("consultations", 0, 2)));
        assertThat(positions.idle()).isTrue();
        assertThat(positions.positions()).isEqualTo(Map.of(new TopicPartition("consultations", 0), 8L,
                new TopicPartition("consultations", 1), 11L, new TopicPartition("programme-offerings", 0), 4L));

        positions.applying();
        positions.applied(List.of(record("consultations", 1, 4), record("consultations", 1, 12)));
        assertThat(positions.positions()).containsEntry(new TopicPartition("consultations", 1), 13L)
                .containsEntry(new TopicPartition("consultations", 0), 8L);

        positions.applying();
        positions.applied(List.of(record("consultations", 0, 1))); // a redelivered older record
        assertThat(positions.positions()).containsEntry(new TopicPartition("consultations", 0), 8L);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, "key", new byte[0]);
    }
}
