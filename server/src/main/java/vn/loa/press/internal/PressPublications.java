package vn.loa.press.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.loa.press.PressEvent;
import vn.loa.press.StatementForm;

/**
 * What follows the publication of a statement, in its transaction: the first statement of a crisis stops its clock; a
 * correction request starts being watched in the news.
 */
@Component
class PressPublications {

    private final JdbcCrises crises;
    private final JdbcCorrections corrections;

    PressPublications(JdbcCrises crises, JdbcCorrections corrections) {
        this.crises = crises;
        this.corrections = corrections;
    }

    @EventListener
    void published(PressEvent.StatementPublished event) {
        crises.published(event.statementId(), event.by());
        if (event.form() == StatementForm.CORRECTION_REQUEST) {
            corrections.watch(event.statementId());
        }
    }
}
