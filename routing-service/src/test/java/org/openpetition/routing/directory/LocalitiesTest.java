package org.openpetition.routing.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalitiesTest {

    @Test
    void villageCodeClimbsFiveLevels() {
        assertEquals(List.of("511703001001", "511703001", "511703", "5117", "51"),
                Localities.selfAndAncestors("511703001001"));
    }

    @Test
    void countyCodeClimbsToProvince() {
        assertEquals(List.of("450326", "4503", "45"), Localities.selfAndAncestors("450326"));
    }
}
