package org.openpetition.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the portal finds the four services, and how long a signed-in session lasts. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** intake-service's API, e.g. http://127.0.0.1:8081 */
    String intakeUrl();

    String routingUrl();

    String supervisionUrl();

    String notificationUrl();

    /** The longest a session is kept on the server side (its tokens are refreshed within it). */
    @WithDefault("PT10H")
    Duration sessionMaxAge();

    /** The largest attachment the submit form takes (intake-service enforces its own limit as well). */
    @WithDefault("10485760")
    long attachmentMaxBytes();
}
