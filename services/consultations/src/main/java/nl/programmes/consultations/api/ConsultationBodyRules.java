package nl.programmes.consultations.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.programmes.consultations.domain.ConsultationRules;
import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.PositionKind;
import nl.programmes.kit.problem.BodyRules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The consultation's stateless rules read from request bodies that broke their constraints, so the answer names
 * the domain's mistakes too (see {@link BodyRules}). The rules themselves are the domain's {@link ConsultationRules}.
 */
@Factory
class ConsultationBodyRules {

    @Singleton
    BodyRules<ConsultationController.ConsultationRequest> request(Clock clock) {
        return BodyRules.of(ConsultationController.ConsultationRequest.class, (request, violations) ->
                ConsultationRules.dueDateNotPast(request.dueDate(), LocalDate.now(clock), violations));
    }

    @Singleton
    BodyRules<ConsultationController.PositionsRequest> positions(Clock clock) {
        return BodyRules.of(ConsultationController.PositionsRequest.class, (request, violations) -> {
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
        });
    }
}
