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
    /** A clerk's further petitioners (a joint or collective petition, 联名信 or 集体访), row by row from 1. */
    @RestForm public List<String> otherName;
    @RestForm public List<String> otherIdNumber;
    @RestForm public List<String> otherPhone;
    /** The rows (0 for the first petitioner) marked as representatives (代表) of a collective petition. */
    @RestForm public List<String> representative;
    /** The accused unit's directory code when the name typed is exactly a unit's name (set by the flow, not the form). */
    public String accusedUnitCode;

    /** The form row of each petitioner of the last {@link #request}, by its index there (empty rows are left out). */
    private final List<Integer> requestRows = new ArrayList<>();

    /** Rows of further petitioners a clerk's form shows at first and adds at a time. */
    public static final int OTHER_ROWS = 4;

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
        List<Map<String, Object>> petitioners = new ArrayList<>();
        petitioners.add(withRepresentative(petitioner, 0));
        requestRows.clear();
        requestRows.add(0);
        for (int row = 1; row <= otherRows(); row++) {
            Map<String, Object> other = new LinkedHashMap<>();
            put(other, "name", at(otherName, row));
            put(other, "idNumber", at(otherIdNumber, row));
            put(other, "phone", at(otherPhone, row));
            if (!other.isEmpty()) {
                petitioners.add(withRepresentative(other, row));
                requestRows.add(row);
            }
        }
        request.put("petitioners", petitioners);
        if ("ACCUSATION".equals(kind)) {
            Map<String, Object> accused = new LinkedHashMap<>();
            put(accused, "unitCode", accusedUnitCode);
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

    /** How many rows of further petitioners the form sent (empty rows included). */
    public int otherRows() {
        return Math.max(size(otherName), Math.max(size(otherIdNumber), size(otherPhone)));
    }

    private Map<String, Object> withRepresentative(Map<String, Object> petitioner, int row) {
        if (representative != null && representative.contains(String.valueOf(row))) {
            petitioner.put("representative", true);
        }
        return petitioner;
    }

    /** The value of a row (rows count from 1; the lists from 0). */
    private static String at(List<String> values, int row) {
        return values == null || values.size() < row ? null : values.get(row - 1);
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    /**
     * The form field that shows an error intake reports for one of its request fields: the first petitioner's
     * fields by their names, a further petitioner's as {@code other-<row>-<field>}.
     */
    public String fieldOf(String requestField) {
        java.util.regex.Matcher other = java.util.regex.Pattern.compile("^petitioners\\[([1-9]\\d*)]\\.(name|idNumber|phone)$")
                .matcher(requestField);
        if (other.matches()) {
            int index = Integer.parseInt(other.group(1));
            int row = index < requestRows.size() ? requestRows.get(index) : index;
            return "other-" + row + "-" + other.group(2);
        }
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
        values.put("representative", representative == null ? List.of() : representative);
        List<OtherPetitioner> others = new ArrayList<>();
        for (int row = 1; row <= Math.max(OTHER_ROWS, otherRows()); row++) {
            others.add(new OtherPetitioner(row, orEmpty(at(otherName, row)), orEmpty(at(otherIdNumber, row)),
                    orEmpty(at(otherPhone, row))));
        }
        values.put("others", others);
        return values;
    }

    /** One row of further petitioners as the form shows it. */
    @io.quarkus.qute.TemplateData
    public record OtherPetitioner(int row, String name, String idNumber, String phone) {

        /** The id of the row's input for a field (name, idNumber, phone), as {@link #fieldOf} names it. */
        public String id(String field) {
            return "other-" + row + "-" + field;
        }

        /** True if the row is among the representatives chosen (the checkbox values, row numbers as text). */
        public boolean representedIn(List<?> chosen) {
            return chosen != null && chosen.contains(String.valueOf(row));
        }
    }

    /** Empty rows of further petitioners from {@code from} on, for the clerk's "more rows" button. */
    public static List<OtherPetitioner> emptyRows(int from) {
        List<OtherPetitioner> rows = new ArrayList<>();
        for (int row = from; row < from + OTHER_ROWS; row++) {
            rows.add(new OtherPetitioner(row, "", "", ""));
        }
        return rows;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
