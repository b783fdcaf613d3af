package nl.programmes.consultations.api;

import jakarta.inject.Singleton;
import nl.programmes.consultations.domain.ConsultationRules;
import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.PositionKind;
import nl.programmes.kit.problem.BodyRules;
import nl.programmes.kit.problem.FieldViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The consultation's stateless rules read from request bodies that broke their constraints, so the answer names
 * the domain's mistakes too (see {@link BodyRules}). The rules themselves are the domain's {@link ConsultationRules}.
 */
final class ConsultationBodyRules {

    private ConsultationBodyRules() {
    }

    @Singleton
    static class Request implements BodyRules<ConsultationController.ConsultationRequest> {
        private final Clock clock;

        Request(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Class<ConsultationController.ConsultationRequest> body() {
            return ConsultationController.ConsultationRequest.class;
        }

        @Override
        public void check(ConsultationController.ConsultationRequest request, List<FieldViolation> violations) {
            ConsultationRules.dueDateNotPast(request.dueDate(), LocalDate.now(clock), violations);
        }
    }

    @Singleton
    static class Positions implements BodyRules<ConsultationController.PositionsRequest> {
        private final Clock clock;

        Positions(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Class<ConsultationController.PositionsRequest> body() {
            return ConsultationController.PositionsRequest.class;
        }

        @Override
        public void check(ConsultationController.PositionsRequest request, List<FieldViolation> violations) {
            ConsultationRules.meetingNotFuture(request.meetingDate(), LocalDate.now(clock), violations);
            List<ConsultationController.PositionRequest> positions = request.positions() == null ? List.of() : request.positions();
            for (int i = 0; i < positions.size(); i++) {
                ConsultationController.PositionRequest p = positions.get(i);
                if (p == null) {
                    continue;
                }
                List<ObjectionGround> grounds = p.grounds() == null ? List.of() : p.grounds().stream()
                        .map(ground -> BodyRules.constant(ObjectionGround.class, ground)).filter(Objects::nonNull).toList();
                ConsultationRules.positionSaysEnough("positions[" + i + "]", BodyRules.constant(PositionKind.class, p.position()),
                        grounds, p.explanation(), p.conditions(), violations);
            }
        }
    }
}
