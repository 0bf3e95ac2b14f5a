package org.openpetition.portal.view;

import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who looks at the page and which menu they get, from the platform roles of their token. The menu only
 * guides: every service checks the token on every call, and a page of another role shows nothing.
 *
 * @param name  the name to greet, or null when nobody is signed in
 * @param roles the platform roles held
 */
@TemplateData
public record Viewer(String name, Set<String> roles) {

    public static final Set<String> STAFF = Set.of("clerk", "dispatcher", "handler", "supervisor", "leader", "admin",
            "auditor");

    /** One entry of the menu: where it goes and the word key of its label. */
    @TemplateData
    public record MenuItem(String href, String label) {

        /** Whether it is a task of the staff workbench. */
        public boolean work() {
            return href.startsWith("/work");
        }
    }

    public static Viewer of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Viewer(null, Set.of());
        }
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            name = displayName(token.getClaim("family_name"), token.getClaim("given_name"), token.getClaim("name"), name);
        }
        return new Viewer(name, Set.copyOf(identity.getRoles()));
    }

    /** A Chinese name is written family name first (张三); others as the token's {@code name} gives them. */
    static String displayName(Object family, Object given, Object full, String fallback) {
        if (family instanceof String f && given instanceof String g && !f.isBlank()
                && Character.UnicodeScript.of(f.codePointAt(0)) == Character.UnicodeScript.HAN) {
            return f.strip() + g.strip();
        }
        return full instanceof String n && !n.isBlank() ? n : fallback;
    }

    public boolean signedIn() {
        return name != null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean staff() {
        return roles.stream().anyMatch(STAFF::contains);
    }

    /** A petitioner: the citizen role, or a self-registered account with no platform role at all. */
    public boolean petitioner() {
        return signedIn() && (has("citizen") || !staff() && !has("open311-client"));
    }

    public List<MenuItem> menu() {
        List<MenuItem> menu = new ArrayList<>();
        if (petitioner()) {
            menu.add(new MenuItem("/submit", "menu_submit"));
            menu.add(new MenuItem("/my", "menu_my"));
            menu.add(new MenuItem("/my/inbox", "menu_inbox"));
            menu.add(new MenuItem("/my/preferences", "menu_preferences"));
        }
        if (has("clerk")) {
            menu.add(new MenuItem("/work/register", "menu_register"));
            menu.add(new MenuItem("/work/registrations", "menu_registrations"));
        }
        if (has("dispatcher")) {
            menu.add(new MenuItem("/work/queue", "menu_queue"));
            menu.add(new MenuItem("/work/cases", "menu_area_cases"));
        }
        if (has("handler")) {
            menu.add(new MenuItem("/work/cases", "menu_cases"));
        }
        if (has("supervisor")) {
            menu.add(new MenuItem("/work/board", "menu_board"));
            menu.add(new MenuItem("/work/circular", "menu_circular"));
        }
        if (has("leader")) {
            menu.add(new MenuItem("/work/cases?owned=true", "menu_owned"));
        }
        if (has("leader") || has("auditor") || has("supervisor")) {
            menu.add(new MenuItem("/work/indicators", "menu_indicators"));
            menu.add(new MenuItem("/work/daily", "menu_daily"));
        }
        if (signedIn()) {
            menu.add(new MenuItem("/account", "menu_account"));
        }
        return menu;
    }
}
