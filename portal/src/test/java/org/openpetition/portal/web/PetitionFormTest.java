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
    void anAccusedUnitFoundInTheDirectoryGoesWithItsCode() {
        PetitionForm form = new PetitionForm();
        form.kind = "ACCUSATION";
        form.accusedUnitName = "达州市达川区住房和城乡建设局";
        form.accusedUnitCode = "511703-ZJJ";
        assertEquals(Map.of("unitName", "达州市达川区住房和城乡建设局", "unitCode", "511703-ZJJ"), form.request("zh").get("accused"));
    }

    @Test
    void aClerksFurtherPetitionersAndRepresentativesGoAsPetitionersSkippingEmptyRows() {
        PetitionForm form = new PetitionForm();
        form.name = "张三";
        form.otherName = List.of("李四", "", "王五", "");
        form.otherIdNumber = List.of("", "", "110101199003077777", "");
        form.otherPhone = List.of("13800138001", "", "", "");
        form.representative = List.of("0", "3");
        Map<String, Object> request = form.request("zh");
        assertEquals(List.of(Map.of("name", "张三", "representative", true), Map.of("name", "李四", "phone", "13800138001"),
                Map.of("name", "王五", "idNumber", "110101199003077777", "representative", true)), request.get("petitioners"));
        assertEquals("other-3-idNumber", form.fieldOf("petitioners[2].idNumber"), "the request's third petitioner is row 3");
        assertEquals("other-1-phone", form.fieldOf("petitioners[1].phone"));
        assertEquals(4, form.otherRows());
    }

    @Test
    void intakesFieldNamesMapToTheFormsFields() {
        PetitionForm form = new PetitionForm();
        assertEquals("phone", form.fieldOf("petitioners[0].phone"));
        assertEquals("name", form.fieldOf("petitioners"));
        assertEquals("locality", form.fieldOf("localityCode"));
        assertEquals("accusedUnitName", form.fieldOf("accused"));
        assertEquals("notifyBy", form.fieldOf("notifyBy[0]"));
        assertEquals("title", form.fieldOf("title"));
    }

    @Test
    void aFormShownAgainKeepsEveryFieldTyped() {
        PetitionForm form = new PetitionForm();
        form.content = "内容";
        Map<String, Object> values = form.values();
        assertEquals("内容", values.get("content"));
        assertEquals("", values.get("title"), "an untouched field is empty, not missing");
        assertEquals(List.of(), values.get("notifyBy"));
        assertEquals(PetitionForm.OTHER_ROWS, ((List<?>) values.get("others")).size(), "a clerk's form offers empty rows");
    }
}
