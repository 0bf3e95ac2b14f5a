package org.openpetition.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Open311's comma-separated lists, read as one CSV record. */
class CommaSeparatedTest {

    @Test
    void valuesAreTrimmedAndEmptyOnesDropped() {
        assertEquals(List.of("A1", "B2", "C3"), CommaSeparated.values(" A1, B2,,C3 ,", 10));
        assertEquals(List.of(), CommaSeparated.values("  ", 10));
        assertEquals(List.of("A1", "B2"), CommaSeparated.values("A1,B2,C3", 2));
    }

    @Test
    void aQuotedCommaStaysInItsValue() {
        assertEquals(List.of("A1,B2", "C3"), CommaSeparated.values("\"A1,B2\",C3", 10));
    }
}
