package org.openpetition.portal.web;

import java.util.Map;
import org.openpetition.portal.services.Answer;
import org.openpetition.portal.view.PageContext;

/** The sentence a page shows for a service's answer that is not a success. */
final class Problems {

    private Problems() {
    }

    static String of(Answer answer, PageContext page) {
        if (answer.ok()) {
            return null;
        }
        if (answer.unavailable()) {
            return page.word("service_unavailable");
        }
        if (answer.notFound()) {
            return page.word("not_found");
        }
        if (answer.forbidden()) {
            return page.word("not_allowed");
        }
        Map<String, String> errors = answer.fieldErrors();
        return errors.isEmpty() ? answer.detail() : String.join("; ", errors.values());
    }
}
