package org.openpetition.notification.service;

import io.quarkus.qute.TemplateData;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.contracts.event.UnitContact;

/** The contract types the templates read (Qute resolves their properties without reflection). */
@TemplateData(target = CircularV1.Line.class)
@TemplateData(target = UnitContact.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
