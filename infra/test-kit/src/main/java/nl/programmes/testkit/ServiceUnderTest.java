package nl.programmes.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** One service's slice of the test platform: its schema, its topic prefix and its configuration. */
public record ServiceUnderTest(TestPlatform platform, String name, String schema, String topicPrefix) {

    /** Properties that point a Micronaut context (in process or in a child JVM) at the test platform. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", platform.jdbcUrl(schema));
        properties.put("kafka.bootstrap.servers", platform.bootstrapServers());
        properties.put("platform.topics.prefix", topicPrefix);
        properties.put("platform.identity.jwks-urls", platform.tokens().jwksUrl());
        properties.put("kafka.consumers.default.session.timeout.ms", "10000");
        properties.put("kafka.consumers.default.heartbeat.interval.ms", "1000");
        return properties;
    }

    /** The physical name of a platform topic for this slice. */
    public String topic(String logicalTopic) {
        return topicPrefix + logicalTopic;
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
