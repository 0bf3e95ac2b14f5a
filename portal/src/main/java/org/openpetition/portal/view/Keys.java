package org.openpetition.portal.view;

import io.quarkus.qute.TemplateExtension;

/** Word keys composed in a template from a prefix and a value: {@code t.get(key:of('status_', c.status))}. */
@TemplateExtension(namespace = "key")
public final class Keys {

    private Keys() {
    }

    static String of(String prefix, Object value) {
        return prefix + value;
    }
}
