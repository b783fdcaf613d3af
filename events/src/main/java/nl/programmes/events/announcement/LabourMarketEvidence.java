package nl.programmes.events.announcement;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Why the labour market needs the programme: free text and the sources it rests on. */
@Serdeable
public record LabourMarketEvidence(String text, List<String> sources) {
}
