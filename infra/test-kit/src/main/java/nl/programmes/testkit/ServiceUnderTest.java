package nl.programmes.testkit;

import nl.programmes.events.CloudEvent;
import nl.programmes.events.KafkaCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One service's slice of the test platform: its schema, its topic prefix and its configuration. */
public record ServiceUnderTest(TestPlatform platform, String name, String schema, String topicPrefix) {

    /** Properties that point a Micronaut context (in process or in a child JVM) at the test platform. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", platform.jdbcUrl(schema));
        properties.put("kafka.bootstrap.servers", platform.bootstrapServers());
        properties.put("platform.topics.prefix", topicPrefix);
        properties.put("platform.identity.jwks-urls", platform.tokens().jwksUrl());
        properties.put("platform.identity.ended-sessions-url", ""); // no portal runs beside a service under test
        properties.put("kafka.consumers.default.session.timeout.ms", "10000");
        properties.put("kafka.consumers.default.heartbeat.interval.ms", "1000");
        return properties;
    }

    /**
     * As {@link #properties()}, with the database reached through a link the test cuts and mends. The pool gives up on a
     * connection within a second here (5 s as shipped, {@code DB_CONNECTION_TIMEOUT_MS}), so a cut of a few seconds is what
     * a longer outage is in service.
     */
    public Map<String, String> properties(TcpLink database) {
        Map<String, String> properties = properties();
        properties.put("datasources.default.url", platform.jdbcUrl(schema)
                .replace(":" + platform.databasePort() + "/", ":" + database.port() + "/"));
        properties.put("datasources.default.connection-timeout", "1000");
        properties.put("datasources.default.validation-timeout", "500");
        return properties;
    }

    /** The physical name of a platform topic for this slice. */
    public String topic(String logicalTopic) {
        return topicPrefix + logicalTopic;
    }

    /**
     * The event as this slice's consumers would poll it from partition 0 of the topic at this offset: the envelope in the
     * headers, the subject as the key. For tests that hand polls to {@code InboundEvents} without the broker.
     */
    public ConsumerRecord<String, byte[]> polled(String logicalTopic, long offset, CloudEvent event) {
        return new ConsumerRecord<>(topic(logicalTopic), 0, offset, event.time().toEpochMilli(), TimestampType.CREATE_TIME, -1,
                event.data().length, event.subject(), event.data(), KafkaCloudEvents.headers(event), Optional.empty());
    }

    /** Counts rows with a plain query against this slice's schema, bypassing the service. */
    public long count(String sql) {
        try (Connection connection = platform.connect(schema);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** Changes rows behind the service's back, to stand in for a projection bug in a test. */
    public int execute(String sql) {
        try (Connection connection = platform.connect(schema);
             Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }
}
