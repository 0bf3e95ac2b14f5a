package org.openpetition.portal.view;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The fixed choices the forms and tables offer, as lists every template reads by name. */
@TemplateGlobal
public final class Choices {

    /** How a clerk's petition arrived (登记: 来信, 来访, 来电). */
    static final List<String> clerkChannels = List.of("LETTER", "VISIT", "PHONE");
    static final List<String> kinds = List.of("SOLUTION_REQUEST", "SUGGESTION", "ENQUIRY", "ACCUSATION");
    static final List<String> notifyChannels = List.of("SMS", "EMAIL", "INBOX");
    static final List<String> evaluations = List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
    static final List<String> dueFilters = List.of("OVERDUE,WARNING", "OVERDUE", "WARNING");
    static final List<String> groupings = List.of("department", "locality");
    /** The rates of supervision-service's indicator report, in the order the table shows them. */
    static final List<String> rates = List.of("timelyAcceptance", "onTimeCompletion", "evaluationParticipation", "satisfaction",
            "repeatRate", "firstTimeResolution");

    private Choices() {
    }
}
