package org.openpetition.intake.i18n;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.intake.TimelineStep;

/** The message bundle in both languages: each label as a whole Chinese and a whole English text. */
@ApplicationScoped
public class Texts {

    private final Messages zh;
    private final Messages en;

    public Texts(Messages zh, @Localized("en") Messages en) {
        this.zh = zh;
        this.en = en;
    }

    /** A text in Chinese and in English. */
    public record Label(String zh, String en) {
    }

    public Label status(CaseStatus status) {
        return new Label(zh.status(status), en.status(status));
    }

    public Label step(TimelineStep step) {
        return new Label(zh.step(step), en.step(step));
    }

    public Label evaluation(PetitionerActionV1.Evaluation evaluation) {
        return new Label(zh.evaluation(evaluation), en.evaluation(evaluation));
    }

    /** The bundle in English when asked for, in Chinese otherwise. */
    public Messages in(boolean english) {
        return english ? en : zh;
    }
}
