package org.openpetition.routing.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulk import of the directory (JSON): units and leaders, validated as a whole. */
public record ImportRequest(List<Unit> units, List<Leader> leaders) {

    /** A unit: department, petition office (信访局) or discipline inspection body (纪委监委). */
    public record Unit(@Schema(example = "511703-ZJJ") String code, @Schema(example = "达州市达川区住房和城乡建设局") String name,
                       @Schema(example = "511703") String localityCode,
                       @Schema(enumeration = {"DEPARTMENT", "PETITION_OFFICE", "DISCIPLINE_INSPECTION"}) String kind,
                       String email, @Schema(description = "上级主管单位", example = "5117-ZJJ") String supervisingCode,
                       @Schema(description = "subject category codes; a group covers its children") List<String> remit) {
    }

    /** A leader who may own cases (包案领导). */
    public record Leader(@Schema(example = "511703-L01") String id, String name, String title, String localityCode,
                         String email) {
    }
}
