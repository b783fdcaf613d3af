package nl.programmes.steering.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.programmes.events.steering.Decision;
import nl.programmes.kit.problem.BodyRules;
import nl.programmes.steering.domain.DecisionRules;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The steering decision's stateless rules read from request bodies that broke their constraints, so the answer names
 * the domain's mistakes too (see {@link BodyRules}). The rules themselves are the domain's {@link DecisionRules}.
 */
@Factory
class SteeringBodyRules {

    @Singleton
    BodyRules<SteeringController.DecisionRequest> decision(Clock clock) {
        return BodyRules.of(SteeringController.DecisionRequest.class, (request, violations) -> {
            DecisionRules.rationaleGiven(BodyRules.constant(Decision.class, request.decision()), request.rationale(), violations);
            DecisionRules.meetingHeld(request.meetingDate(), LocalDate.now(clock), violations);
        });
    }

    @Singleton
    BodyRules<SteeringController.MeetingRequest> meeting(Clock clock) {
        return BodyRules.of(SteeringController.MeetingRequest.class, (request, violations) ->
                DecisionRules.meetingHeld(request.meetingDate(), LocalDate.now(clock), violations));
    }
}
