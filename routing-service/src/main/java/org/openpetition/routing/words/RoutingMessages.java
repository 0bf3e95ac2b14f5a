package org.openpetition.routing.words;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.openpetition.routing.service.LegalChannel;

/**
 * Every text of a routing decision that officials and petitioners read: the reasons of the rules and of
 * the people in the loop, and the guidance of a diverted petition. The Chinese texts are in
 * {@code messages/msg_zh.properties} (the default locale), the English ones in {@code messages/msg_en.properties};
 * each message is a whole sentence of one language. Parameters are already formatted for the language
 * ({@link Labels}): place, unit and person names stay as the directory has them.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface RoutingMessages {

    // --- 诉访分离: the legal channels (the keys are guidance_$<CONSTANT>, channel_$<CONSTANT>: Qute separates with _$ where a constant has an underscore)

    @Message
    String guidance(LegalChannel channel);

    @Message
    String channel(LegalChannel channel);

    @Message
    String diverted(String category, String channel, String guidance);

    // --- the rules

    @Message
    String unknownLocality(String code);

    @Message
    String villagesNotImported(String township);

    @Message
    String routedAgainWithout(String units);

    @Message
    String noCompetentUnit(String place, String category);

    @Message
    String equallyCompetent(String units, String category, String place);

    @Message
    String ownLocality(String place);

    @Message
    String lowestLevelAbove(String place, String petitionPlace);

    @Message
    String remitExact(String category);

    @Message
    String remitThroughGroup(String category, String group);

    @Message
    String competent(String level, String unit, String remit);

    @Message
    String addressedUnknown(String code);

    @Message
    String addressedNotAbove(String place);

    @Message
    String addressedAllowedAbove(String place, int levels);

    @Message
    String skipLevel(String place, int levels, String competentPlace, int allowed);

    @Message
    String collective();

    @Message
    String households(int households);

    @Message
    String noOwningLeader(String why, String place);

    @Message
    String ownedBy(String why, String leader);

    // --- 检举控告

    @Message
    String accusedLineExcluded();

    @Message
    String accusedUnknown();

    @Message
    String toDisciplineBody(String unit);

    @Message
    String noDisciplineBody(String place);

    @Message
    String noDisciplineBodyNorOtherUnit();

    @Message
    String noDisciplineBodyOtherUnit(String competent);

    // --- 重复信访

    @Message
    String repeat(String earlierCase);

    // --- people in the loop

    @Message
    String dispatcherReferred(String dispatcher, String unit);

    @Message
    String dispatcherAssignedWithDeadline(String dispatcher, String unit, String due);

    @Message
    String dispatcherOwnedBy(String leader);

    @Message
    String returnedBy(String unit, int count, int max, String reason);

    @Message
    String returnLimitReached();
}
