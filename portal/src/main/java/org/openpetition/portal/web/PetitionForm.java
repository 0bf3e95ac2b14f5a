package org.openpetition.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The petition form as the browser sends it (multipart/form-data, with the attachments), for a petitioner's
 * own submission and for a clerk's registration. {@link #request(String)} turns it into intake-service's
 * request; {@link #fieldOf(String)} maps a field intake names in its problem details back to the form field.
 */
public class PetitionForm {

    @RestForm public String channel;
    @RestForm public String kind;
    @RestForm public String subjectCategory;
    @RestForm public String province;
    @RestForm public String city;
    @RestForm public String county;
    @RestForm public String township;
    @RestForm public String village;
    @RestForm public String addressText;
    @RestForm public String title;
    @RestForm public String content;
    @RestForm public String eventDate;
    @RestForm public String petitionerType;
    @RestForm public String name;
    @RestForm public String idNumber;
    @RestForm public String phone;
    @RestForm public String email;
    @RestForm public String address;
    @RestForm public String households;
    @RestForm public String accusedUnitName;
    @RestForm public String accusedOfficialName;
    @RestForm public String accusedOfficialPosition;
    @RestForm public List<String> notifyBy;
    @RestForm("attachments") public List<FileUpload> attachments;

    /** The deepest division chosen in the cascade (village, township, county, city or province), or null. */
    public String localityCode() {
        for (String code : new String[] {village, township, county, city, province}) {
            if (code != null && !code.isBlank()) {
                return code.strip();
            }
        }
        return null;
    }

    /** The chosen files, without the empty part a browser sends when none is chosen. */
    public List<FileUpload> files() {
        List<FileUpload> files = new ArrayList<>();
        if (attachments != null) {
            for (FileUpload file : attachments) {
                if (file != null && file.fileName() != null && !file.fileName().isBlank() && file.size() > 0) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** intake-service's SubmitPetition request. */
    public Map<String, Object> request(String language) {
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "channel", channel);
        put(request, "kind", kind);
        put(request, "subjectCategory", subjectCategory);
        put(request, "localityCode", localityCode());
        put(request, "addressText", addressText);
        put(request, "title", title);
        put(request, "content", content);
        put(request, "eventDate", eventDate);
        if (households != null && !households.isBlank()) {
            request.put("households", households.strip().matches("\\d{1,6}") ? Integer.valueOf(households.strip()) : -1);
        }
        Map<String, Object> petitioner = new LinkedHashMap<>();
        put(petitioner, "type", petitionerType);
        put(petitioner, "name", name);
        put(petitioner, "idNumber", idNumber);
        put(petitioner, "phone", phone);
        put(petitioner, "email", email);
        put(petitioner, "address", address);
        request.put("petitioners", List.of(petitioner));
        if ("ACCUSATION".equals(kind)) {
            Map<String, Object> accused = new LinkedHashMap<>();
            put(accused, "unitName", accusedUnitName);
            put(accused, "officialName", accusedOfficialName);
            put(accused, "officialPosition", accusedOfficialPosition);
            request.put("accused", accused);
        }
        request.put("language", language);
        if (notifyBy != null && !notifyBy.isEmpty()) {
            request.put("notifyBy", notifyBy);
        }
        return request;
    }

    /** The form field that shows an error intake reports for one of its request fields. */
    public static String fieldOf(String requestField) {
        String field = requestField.replaceFirst("^petitioners\\[0\\]\\.", "").replaceFirst("\\[\\d+]$", "");
        return switch (field) {
            case "localityCode" -> "locality";
            case "petitioners" -> "name";
            case "type" -> "petitionerType";
            case "accused", "accused.unitName", "accused.unitCode" -> "accusedUnitName";
            case "accused.officialName" -> "accusedOfficialName";
            case "accused.officialPosition" -> "accusedOfficialPosition";
            default -> field;
        };
    }

    /** An empty form (a clerk's starts with the channel LETTER). */
    public static Map<String, Object> blank(String channel) {
        PetitionForm form = new PetitionForm();
        form.channel = channel;
        return form.values();
    }

    /** What the form shows again after a failed submission (everything typed, no files). */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("channel", channel);
        values.put("kind", kind);
        values.put("subjectCategory", subjectCategory);
        values.put("province", province);
        values.put("city", city);
        values.put("county", county);
        values.put("township", township);
        values.put("village", village);
        values.put("addressText", addressText);
        values.put("title", title);
        values.put("content", content);
        values.put("eventDate", eventDate);
        values.put("petitionerType", petitionerType);
        values.put("name", name);
        values.put("idNumber", idNumber);
        values.put("phone", phone);
        values.put("email", email);
        values.put("address", address);
        values.put("households", households);
        values.put("accusedUnitName", accusedUnitName);
        values.put("accusedOfficialName", accusedOfficialName);
        values.put("accusedOfficialPosition", accusedOfficialPosition);
        values.replaceAll((key, value) -> value == null ? "" : value);
        values.put("notifyBy", notifyBy == null ? List.of() : notifyBy);
        return values;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
