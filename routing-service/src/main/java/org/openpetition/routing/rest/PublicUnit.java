package org.openpetition.routing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpetition.routing.directory.DirectoryUnit;

/** What anyone may know of a unit: its code, name, locality and kind (not where it receives case notices). */
@Schema(name = "PublicUnit")
public record PublicUnit(@Schema(example = "511703-ZJJ") String code,
                         @Schema(example = "达州市达川区住房和城乡建设局") String name,
                         @Schema(example = "511703") String localityCode,
                         DirectoryUnit.Kind kind) {

    static PublicUnit of(DirectoryUnit unit) {
        return new PublicUnit(unit.code(), unit.name(), unit.localityCode(), unit.kind());
    }
}
