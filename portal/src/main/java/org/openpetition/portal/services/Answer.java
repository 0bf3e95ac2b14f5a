package org.openpetition.portal.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service answered: the HTTP status and the JSON body, or that it could not be reached. A 4xx answer
 * carries the service's problem details; {@link #fieldErrors()} gives each named field's reason, so a form can
 * show it next to the field.
 */
public record Answer(int status, JsonNode body, boolean unavailable) {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    static Answer unreachable() {
        return new Answer(503, null, true);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean forbidden() {
        return status == 401 || status == 403;
    }

    /** The body as maps and lists, which the page templates read by key. */
    public Map<String, Object> map() {
        return body == null || !body.isObject() ? Map.of() : JSON.convertValue(body, Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list() {
        return body == null || !body.isArray() ? List.of() : JSON.convertValue(body, List.class);
    }

    /** The {@code items} of a paged list answer. */
    @SuppressWarnings("unchecked")
    public List<Object> items() {
        return body == null || !body.has("items") ? List.of() : JSON.convertValue(body.get("items"), List.class);
    }

    public long total() {
        return body == null || !body.has("total") ? 0 : body.get("total").asLong();
    }

    /** The problem's {@code detail} (or title), or null. */
    public String detail() {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode detail = body.hasNonNull("detail") ? body.get("detail") : body.get("title");
        return detail == null ? null : detail.asText();
    }

    /** Each invalid field of a problem answer (its path in the request, e.g. petitioners[0].phone) and why. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body != null && body.has("errors")) {
            for (JsonNode error : body.get("errors")) {
                errors.merge(error.path("field").asText(""), error.path("reason").asText(""), (a, b) -> a + "; " + b);
            }
        }
        return errors;
    }
}
