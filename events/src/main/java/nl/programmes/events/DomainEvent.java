package nl.programmes.events;

/**
 * A fact that happened in one aggregate. The subject is the aggregate id: it becomes the Kafka key
 * and the CloudEvents {@code ce_subject}, so one aggregate's events stay in order.
 */
public interface DomainEvent {

    String subject();

    Actor actor();
}
