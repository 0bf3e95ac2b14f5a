package org.openpetition.portal.view;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.openpetition.portal.i18n.Language;
import org.openpetition.portal.i18n.Words;

/**
 * What every page needs besides its own data: the language (the {@code lang} query parameter, else the
 * cookie, else Chinese), its words, the viewer and its menu, and the link that switches the language of
 * the same page.
 */
@RequestScoped
public class PageContext {

    private final Words words;
    private final SecurityIdentity identity;
    private final HttpHeaders headers;
    private final UriInfo uri;
    private Language language;

    public PageContext(Words words, SecurityIdentity identity, HttpHeaders headers, UriInfo uri) {
        this.words = words;
        this.identity = identity;
        this.headers = headers;
        this.uri = uri;
    }

    public Language language() {
        if (language == null) {
            String asked = uri.getQueryParameters().getFirst("lang");
            Cookie cookie = headers.getCookies().get(Language.COOKIE);
            language = Language.of(asked != null ? asked : cookie == null ? null : cookie.getValue());
        }
        return language;
    }

    public String word(String key) {
        return words.word(language(), key);
    }

    public Viewer viewer() {
        return Viewer.of(identity);
    }

    /** The template with the page's common data: lang, t (the words), viewer, switchUrl, title. */
    public TemplateInstance page(TemplateInstance template, String titleKey) {
        Language lang = language();
        return template.data("lang", lang)
                .data("t", words.of(lang))
                .data("viewer", viewer())
                .data("title", words.word(lang, titleKey))
                .data("switchUrl", uri.getRequestUriBuilder().replaceQueryParam("lang", lang.other().code()).build()
                        .getRawPath() + "?" + query(lang.other()));
    }

    private String query(Language target) {
        StringBuilder query = new StringBuilder();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("lang")) {
                values.forEach(v -> query.append(encode(name)).append('=').append(encode(v)).append('&'));
            }
        });
        return query.append("lang=").append(target.code()).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
