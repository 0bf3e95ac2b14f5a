package org.openpetition.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Typed event fields keep the wire format (the constant's name) and read a later version's values as UNKNOWN. */
class EnumFieldsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aStepIsWrittenByItsName() throws Exception {
        var event = new CaseLifecycleV1(UUID.randomUUID(), "X", CaseLifecycleV1.Step.REPLIED, Instant.EPOCH, "D", "d",
                null, null, "text", null);
        String wire = json.writeValueAsString(event);
        assertEquals("REPLIED", json.readTree(wire).get("step").asText());
        assertEquals(event, json.readValue(wire, CaseLifecycleV1.class));
    }

    @Test
    void valuesOfALaterVersionReadAsUnknown() throws Exception {
        var step = json.readValue("{\"step\":\"MEDIATED\"}", CaseLifecycleV1.class);
        assertEquals(CaseLifecycleV1.Step.UNKNOWN, step.step());
        var action = json.readValue("{\"action\":\"APPEALED\",\"evaluation\":\"DELIGHTED\"}", PetitionerActionV1.class);
        assertEquals(PetitionerActionV1.Action.UNKNOWN, action.action());
        assertEquals(PetitionerActionV1.Evaluation.UNKNOWN, action.evaluation());
        var alert = json.readValue("{\"alert\":\"PUBLIC_CENSURE\"}", CaseDeadlineV1.class);
        assertEquals(CaseDeadlineV1.Alert.UNKNOWN, alert.alert());
    }
}
