package org.openpetition.routing.service;

import java.util.Optional;

/**
 * 诉访分离: the legal channels a petition is diverted to, recognised by the subject category
 * (children of LAW_AND_LITIGATION in the taxonomy), with the guidance the petitioner receives.
 */
public enum LegalChannel {

    LITIGATION("LITIGATION",
            "该事项应通过诉讼解决，请依法向有管辖权的人民法院提起诉讼。",
            "This matter is for the courts: please bring a lawsuit before the competent people's court."),
    ARBITRATION("ARBITRATION",
            "该事项应通过仲裁解决，请依法向劳动人事争议仲裁委员会或约定的仲裁机构申请仲裁。",
            "This matter is for arbitration: please apply to the labour and personnel dispute arbitration"
                    + " commission or the arbitration body agreed in the contract."),
    ADMINISTRATIVE_RECONSIDERATION("ADMINISTRATIVE_RECONSIDERATION",
            "该事项应通过行政复议解决，请在法定期限内依法向行政复议机关申请行政复议。",
            "This matter is for administrative reconsideration: please apply to the reconsideration body"
                    + " within the statutory time limit."),
    JUDICIAL_PROCEEDINGS("IN_JUDICIAL_PROCEEDINGS",
            "该事项正由人民法院或人民检察院依法处理，请通过该司法机关反映诉求。",
            "A court or procuratorate is handling this matter: please raise your request with that body.");

    private final String category;
    private final String chinese;
    private final String english;

    LegalChannel(String category, String chinese, String english) {
        this.category = category;
        this.chinese = chinese;
        this.english = english;
    }

    /** The legal channel of a subject category, if it names one. */
    public static Optional<LegalChannel> of(String subjectCategory) {
        for (LegalChannel channel : values()) {
            if (channel.category.equals(subjectCategory)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** What the petitioner should do: "中文 / English". */
    public String guidance() {
        return chinese + " / " + english;
    }
}
