package org.openpetition.notification.service;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.openpetition.notification.MessageKind;
import org.openpetition.notification.service.template.NoticeData;

/**
 * The Qute templates of the message kinds, {@code templates/notices/<KIND>.txt}. Each holds six
 * fragments: {@code subject_zh}, {@code subject_en}, {@code body_zh}, {@code body_en}, {@code sms_zh} and
 * {@code sms_en}, each a whole text in one language; Chinese and English side by side so that a translation
 * is reviewed with its original. A template declares the record it reads as {@code notice} (a
 * {@link NoticeData}) and {@code recipientName}, so that its expressions are checked when the service is
 * built; every template and fragment is checked to exist when the service starts.
 */
@ApplicationScoped
public class NoticeTemplates {

    static final String[] PARTS = {"subject", "body", "sms"};

    private final Map<MessageKind, Template> templates = new EnumMap<>(MessageKind.class);

    public NoticeTemplates(Engine engine) {
        for (MessageKind kind : MessageKind.values()) {
            Template template = engine.getTemplate(kind.template());
            if (template == null) {
                throw new IllegalStateException("no template " + kind.template());
            }
            for (String part : PARTS) {
                for (String language : new String[]{"zh", "en"}) {
                    if (template.getFragment(part + "_" + language) == null) {
                        throw new IllegalStateException(kind.template() + " has no fragment " + part + "_" + language);
                    }
                }
            }
            templates.put(kind, template);
        }
    }

    /**
     * Renders one part of a kind's message in one language.
     *
     * @param part     subject, body or sms
     * @param language zh or en
     */
    public String render(MessageKind kind, String part, String language, NoticeData data, String recipientName) {
        TemplateInstance instance = templates.get(kind).getFragment(part + "_" + language).instance();
        instance.data("notice", data);
        instance.data("recipientName", recipientName);
        return instance.render().strip();
    }
}
