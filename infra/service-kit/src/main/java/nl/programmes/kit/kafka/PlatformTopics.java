package nl.programmes.kit.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import nl.programmes.events.Topics;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the platform's topics live for this deployment. A prefix lets tests (and shared clusters)
 * keep their topics apart; partition counts and replication factor are set per deployment.
 */
@ConfigurationProperties("platform.topics")
public class PlatformTopics {

    private String prefix = "";
    private short replicationFactor = 1;
    private boolean provision = true;
    private Map<String, Integer> partitions = new HashMap<>();

    /** The physical name of a logical topic such as {@link Topics#PROGRAMME_ANNOUNCEMENTS}. */
    public String physical(String topic) {
        return prefix + topic;
    }

    /** The logical name of a physical topic, or the name itself when it lacks the prefix. */
    public String logical(String physicalTopic) {
        return physicalTopic.startsWith(prefix) ? physicalTopic.substring(prefix.length()) : physicalTopic;
    }

    public int partitionsOf(Topics.TopicSpec spec) {
        return partitions.getOrDefault(spec.name(), spec.partitions());
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public boolean isProvision() {
        return provision;
    }

    public void setProvision(boolean provision) {
        this.provision = provision;
    }

    public Map<String, Integer> getPartitions() {
        return partitions;
    }

    public void setPartitions(Map<String, Integer> partitions) {
        this.partitions = partitions;
    }
}
