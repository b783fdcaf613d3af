package nl.programmes.steering.api;

import jakarta.inject.Singleton;
import nl.programmes.events.steering.Decision;
import nl.programmes.kit.problem.BodyRules;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.steering.domain.DecisionRules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The steering decision's stateless rules read from request bodies that broke their constraints, so the answer names
 * the domain's mistakes too (see {@link BodyRules}). The rules themselves are the domain's {@link DecisionRules}.
 */
final class SteeringBodyRules {

    private SteeringBodyRules() {
    }

    @Singleton
    static class DecisionBody implements BodyRules<SteeringController.DecisionRequest> {
        private final Clock clock;

        DecisionBody(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Class<SteeringController.DecisionRequest> body() {
            return SteeringController.DecisionRequest.class;
        }

        @Override
        public void check(SteeringController.DecisionRequest request, List<FieldViolation> violations) {
            DecisionRules.rationaleGiven(BodyRules.constant(Decision.class, request.decision()), request.rationale(), violations);
            DecisionRules.meetingHeld(request.meetingDate(), LocalDate.now(clock), violations);
        }
    }

    @Singleton
    static class MeetingBody implements BodyRules<SteeringController.MeetingRequest> {
        private final Clock clock;

        MeetingBody(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Class<SteeringController.MeetingRequest> body() {
            return SteeringController.MeetingRequest.class;
        }

        @Override
        public void check(SteeringController.MeetingRequest request, List<FieldViolation> violations) {
            DecisionRules.meetingHeld(request.meetingDate(), LocalDate.now(clock), violations);
        }
    }
}
