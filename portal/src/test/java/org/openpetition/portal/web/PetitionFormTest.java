package org.openpetition.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The petition form's mapping to intake-service's request and back from its problem details. */
class PetitionFormTest {

    @Test
    void theLocalityIsTheDeepestDivisionChosen() {
        PetitionForm form = new PetitionForm();
        assertNull(form.localityCode());
        form.province = "51";
        form.city = "5117";
        form.county = "511703";
        form.township = " ";
        assertEquals("511703", form.localityCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRequestCarriesThePetitionerAndTheAccusedOnlyForAnAccusation() {
        PetitionForm form = new PetitionForm();
        form.kind = "SOLUTION_REQUEST";
        form.title = "  标题 ";
        form.name = "张三";
        form.phone = "";
        form.accusedUnitName = "某局";
        form.notifyBy = List.of("INBOX");
        Map<String, Object> request = form.request("zh");
        assertEquals("标题", request.get("title"));
        assertEquals(List.of(Map.of("name", "张三")), request.get("petitioners"));
        assertFalse(request.containsKey("accused"));
        assertEquals(List.of("INBOX"), request.get("notifyBy"));
        form.kind = "ACCUSATION";
        assertEquals(Map.of("unitName", "某局"), form.request("zh").get("accused"));
    }

    @Test
    void intakesFieldNamesMapToTheFormsFields() {
        assertEquals("phone", PetitionForm.fieldOf("petitioners[0].phone"));
        assertEquals("name", PetitionForm.fieldOf("petitioners"));
        assertEquals("locality", PetitionForm.fieldOf("localityCode"));
        assertEquals("accusedUnitName", PetitionForm.fieldOf("accused"));
        assertEquals("notifyBy", PetitionForm.fieldOf("notifyBy[0]"));
        assertEquals("title", PetitionForm.fieldOf("title"));
    }

    @Test
    void aFormShownAgainKeepsEveryFieldTyped() {
        PetitionForm form = new PetitionForm();
        form.content = "内容";
        Map<String, Object> values = form.values();
        assertEquals("内容", values.get("content"));
        assertEquals("", values.get("title"), "an untouched field is empty, not missing");
        assertEquals(List.of(), values.get("notifyBy"));
    }
}
