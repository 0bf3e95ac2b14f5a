package org.openpetition.routing.directory;

import java.util.Set;

/**
 * A unit of the jurisdiction directory (承办单位): a functional department, the local petition office
 * (信访局) or the discipline inspection body (纪委监委).
 *
 * @param code            e.g. "511703-ZJJ"
 * @param name            e.g. "达州市达川区住房和城乡建设局"
 * @param localityCode    the division the unit belongs to; its length gives the level
 * @param kind            what kind of unit
 * @param email           where the unit receives case notices
 * @param supervisingCode its supervising body (上级主管单位), or null at the top of a line
 * @param remit           the subject categories it is competent for (谁主管、谁负责); a group covers its children
 */
public record DirectoryUnit(String code, String name, String localityCode, Kind kind, String email,
                            String supervisingCode, Set<String> remit) {

    public enum Kind {
        DEPARTMENT,
        /** 信访局: the local petition office. */
        PETITION_OFFICE,
        /** 纪委监委: the discipline inspection and supervision body. */
        DISCIPLINE_INSPECTION
    }

}
