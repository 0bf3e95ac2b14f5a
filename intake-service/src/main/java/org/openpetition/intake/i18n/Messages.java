package org.openpetition.intake.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.contracts.event.PetitionerActionV1;
import org.openpetition.intake.TimelineStep;

/**
 * The texts petitioners (and the apps that show them) read, each a whole text in one language:
 * {@code messages/msg_zh.properties} (the default) and {@code messages/msg_en.properties}. A label of an
 * enum constant has the key {@code method_$CONSTANT}. {@link Texts} gives both languages at once.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface Messages {

    /** Where a case stands. */
    @Message
    String status(CaseStatus status);

    /** What happened, on the timeline. */
    @Message
    String step(TimelineStep step);

    /** The petitioner's evaluation of the reply. */
    @Message
    String evaluation(PetitionerActionV1.Evaluation evaluation);

    /** Open311: the notice of a registered request. */
    @Message
    String open311Registered();
}
