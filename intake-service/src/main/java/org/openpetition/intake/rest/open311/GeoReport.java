package org.openpetition.intake.rest.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of Open311 GeoReport v2 (snake_case, as its clients expect). */
final class GeoReport {

    private GeoReport() {
    }

    /** GET services.json: one service per subject category. */
    record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
                   String description, boolean metadata, String type, String keywords, String group) {
    }

    /** POST requests.json: the created request. {@code query_secret} is this server's extension. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Created(@JsonProperty("service_request_id") String serviceRequestId,
                   @JsonProperty("service_notice") String serviceNotice,
                   @JsonProperty("account_id") String accountId,
                   @JsonProperty("query_secret") String querySecret) {
    }

    /** GET requests.json and requests/{id}.json. No personal data of the petitioner. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
                   @JsonProperty("status_notes") String statusNotes,
                   @JsonProperty("service_name") String serviceName,
                   @JsonProperty("service_code") String serviceCode,
                   String description,
                   @JsonProperty("agency_responsible") String agencyResponsible,
                   @JsonProperty("service_notice") String serviceNotice,
                   @JsonProperty("requested_datetime") Instant requestedDatetime,
                   @JsonProperty("updated_datetime") Instant updatedDatetime,
                   @JsonProperty("expected_datetime") Instant expectedDatetime,
                   String address,
                   @JsonProperty("address_id") String addressId,
                   String zipcode,
                   Double lat,
                   @JsonProperty("long") Double lon,
                   @JsonProperty("media_url") String mediaUrl) {
    }

    /** An error, as GeoReport returns them: a list of code and description. */
    record Error(int code, String description) {
    }

    static List<Error> errors(int code, List<String> descriptions) {
        return descriptions.stream().map(d -> new Error(code, d)).toList();
    }
}
