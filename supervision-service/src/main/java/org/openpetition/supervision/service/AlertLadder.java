package org.openpetition.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.openpetition.contracts.event.CaseDeadlineV1.Alert;
import org.openpetition.supervision.SupervisedCase;
import org.openpetition.supervision.config.SupervisionConfig;

/**
 * The alerts of a running limit, in order, each with the day it falls due: a warning before the due
 * day, overdue the day after it, then the supervision order and the escalations.
 */
@ApplicationScoped
public class AlertLadder {

    /** One rung: the alert and its day. */
    public record Rung(Alert alert, LocalDate day) {
    }

    private final SupervisionConfig config;

    public AlertLadder(SupervisionConfig config) {
        this.config = config;
    }

    public List<Rung> rungs(LocalDate due) {
        LocalDate overdue = due.plusDays(1);
        return List.of(new Rung(Alert.WARNING, due.minusDays(config.warningLeadDays())),
                new Rung(Alert.OVERDUE, overdue),
                new Rung(Alert.SUPERVISION_ORDER, overdue.plusDays(config.supervisionOrderAfterDays())),
                new Rung(Alert.ESCALATED_TO_SUPERVISING_BODY, overdue.plusDays(config.escalateAfterDays())),
                new Rung(Alert.ESCALATED_TO_LEADER, overdue.plusDays(config.leaderAfterDays())));
    }

    /** Sets the day of the case's next alert from its running limit and the rungs climbed. */
    public void schedule(SupervisedCase c) {
        if (c.due == null || c.hearingStartedAt != null) {
            c.nextAlertOn = null;
            return;
        }
        List<Rung> rungs = rungs(c.due);
        c.nextAlertOn = c.alertLevel < rungs.size() ? rungs.get(c.alertLevel).day() : null;
    }
}
