package nl.programmes.events;

/** An event about one announcement: consumers file it under that announcement (the overview's timeline links it there). */
public interface AboutAnnouncement extends DomainEvent {

    String announcementId();
}
