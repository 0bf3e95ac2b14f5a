package org.openpetition.portal.services;

import org.openpetition.portal.PortalConfig;

/** The platform's services the portal calls. */
public enum Service {
    INTAKE, ROUTING, SUPERVISION, NOTIFICATION;

    String baseUrl(PortalConfig config) {
        return switch (this) {
            case INTAKE -> config.intakeUrl();
            case ROUTING -> config.routingUrl();
            case SUPERVISION -> config.supervisionUrl();
            case NOTIFICATION -> config.notificationUrl();
        };
    }
}
