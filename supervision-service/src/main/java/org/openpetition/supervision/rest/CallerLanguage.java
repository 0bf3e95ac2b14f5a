package org.openpetition.supervision.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.openpetition.supervision.i18n.Languages;
import org.openpetition.supervision.i18n.Texts;

/** The language of the caller (their first acceptable language, Accept-Language): English, or Chinese otherwise. */
@RequestScoped
public class CallerLanguage {

    private final HttpHeaders headers;

    public CallerLanguage(HttpHeaders headers) {
        this.headers = headers;
    }

    public Locale locale() {
        List<Locale> languages = headers.getAcceptableLanguages();
        return languages.isEmpty() ? null : languages.get(0);
    }

    public Texts texts() {
        return Languages.in(locale());
    }
}
