package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;
import org.openpetition.portal.services.Answer;
import org.openpetition.portal.services.Service;
import org.openpetition.portal.services.ServiceCalls;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * How the signed-in user wants to be told (notification-service's preferences of the recipient
 * {@code user:<account>}): the channels, the language of the notices, and quiet hours during which SMS and
 * email wait (the inbox never waits).
 */
@Path("/my/preferences")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PreferencesPage {

    private final Template preferences;
    private final ServiceCalls services;
    private final UserToken token;
    private final SecurityIdentity identity;
    private final PageContext page;

    public PreferencesPage(@Location("preferences.html") Template preferences, ServiceCalls services, UserToken token,
                           SecurityIdentity identity, PageContext page) {
        this.preferences = preferences;
        this.services = services;
        this.token = token;
        this.identity = identity;
        this.page = page;
    }

    @GET
    public Uni<TemplateInstance> show() {
        return services.get(Service.NOTIFICATION, path(), token.bearer()).map(answer -> {
            Map<String, Object> form = new LinkedHashMap<>();
            Map<String, Object> stored = answer.map();
            form.put("channels", stored.getOrDefault("channels", List.of("SMS", "EMAIL", "INBOX")));
            form.put("language", stored.getOrDefault("language", page.language().code()));
            form.put("quietStart", orEmpty(stored.get("quietStart")));
            form.put("quietEnd", orEmpty(stored.get("quietEnd")));
            String problem = answer.ok() || answer.notFound() ? null : Problems.of(answer, page);
            return render(form, Map.of(), null, problem);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> save(@RestForm List<String> channels, @RestForm String language, @RestForm String quietStart,
                                      @RestForm String quietEnd) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channels", channels == null ? List.of() : channels);
        request.put("language", language);
        request.put("quietStart", blankToNull(quietStart));
        request.put("quietEnd", blankToNull(quietEnd));
        Map<String, Object> form = new LinkedHashMap<>(request);
        form.put("quietStart", orEmpty(quietStart));
        form.put("quietEnd", orEmpty(quietEnd));
        return services.put(Service.NOTIFICATION, path(), request, token.bearer()).map(answer -> answer.ok()
                ? render(form, Map.of(), page.word("action_done"), null)
                : render(form, fieldErrors(answer), null, Problems.of(answer, page)));
    }

    private TemplateInstance render(Map<String, Object> form, Map<String, String> errors, String done, String problem) {
        return page.page(preferences.data("form", form).data("errors", errors).data("done", done).data("problem", problem),
                "prefs_title");
    }

    /** The field errors by their form name ({@code channels[0]} is the channels). */
    private static Map<String, String> fieldErrors(Answer answer) {
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, reason) -> errors.merge(field.replaceFirst("\\[\\d+]$", ""), reason,
                (a, b) -> a + "; " + b));
        return errors;
    }

    /** The user's recipient key in notification-service: user:&lt;the account's subject&gt;. */
    private String path() {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : identity.getPrincipal().getName();
        return "/api/preferences/user:" + subject;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }
}
