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

    @Test
    void zeroPaddedCodesAreTheDivisionsOwn() {
        assertEquals("51", Localities.canonical("510000"));
        assertEquals("5117", Localities.canonical("511700"));
        assertEquals("511703", Localities.canonical("511703"));
        assertEquals("511703001", Localities.canonical("511703001000"));
        assertEquals("511703", Localities.canonical("511703000"));
        assertEquals("511703001001", Localities.canonical("511703001001"));
    }
}
