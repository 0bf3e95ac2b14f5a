package org.openpetition.portal.i18n;

import io.quarkus.qute.TemplateData;

/** The languages of the pages: Chinese first, English on request (the language switch on every page). */
@TemplateData
public enum Language {
    ZH("zh", "zh-CN"), EN("en", "en");

    /** The cookie that remembers the choice. */
    public static final String COOKIE = "lang";

    private final String code;
    private final String htmlTag;

    Language(String code, String htmlTag) {
        this.code = code;
        this.htmlTag = htmlTag;
    }

    public String code() {
        return code;
    }

    /** The value of the page's {@code lang} attribute. */
    public String htmlTag() {
        return htmlTag;
    }

    public Language other() {
        return this == ZH ? EN : ZH;
    }

    /** The language a code names; Chinese for anything else. */
    public static Language of(String code) {
        return "en".equalsIgnoreCase(code) ? EN : ZH;
    }
}
