package org.openpetition.intake.service;

import static org.openpetition.platform.security.Roles.OPEN311_CLIENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.contracts.taxonomy.SubjectCategory;
import org.openpetition.intake.Channel;
import org.openpetition.intake.Petition;
import org.openpetition.intake.PetitionKind;
import org.openpetition.intake.repository.PetitionRepository;
import org.openpetition.intake.repository.StatusEntryRepository;
import org.openpetition.intake.rest.PetitionMapper;
import org.openpetition.intake.rest.SubmitPetitionRequest;

/**
 * Open311 GeoReport v2 service requests: a request becomes a petition of channel OPEN311, registered like
 * any other ({@link PetitionRegistration}, with the same Idempotency-Key store and rules:
 * {@link IdempotencyKeys}); a client reads back only the requests it submitted. What GeoReport calls an
 * error (a list of code and description, each naming the field) is a {@link Rejected}.
 */
@ApplicationScoped
public class Open311Requests {

    /** At most this many requests per read. */
    public static final int MAX_REQUESTS = 1000;
    private static final Map<String, String> FIELD_NAMES = Map.of("subjectCategory", "service_code",
            "localityCode", "jurisdiction_id", "content", "description", "addressText", "address_string",
            "petitioners[0].name", "first_name/last_name", "petitioners[0].phone", "phone", "petitioners[0].email", "email",
            "title", "description");

    private final PetitionRegistration registration;
    private final PetitionRepository petitions;
    private final StatusEntryRepository statuses;
    private final Validator validator;
    private final ObjectMapper json;

    public Open311Requests(PetitionRegistration registration, PetitionRepository petitions,
                           StatusEntryRepository statuses, Validator validator, ObjectMapper json) {
        this.registration = registration;
        this.petitions = petitions;
        this.statuses = statuses;
        this.validator = validator;
        this.json = json;
    }

    /** The fields of a GeoReport service request, as posted. */
    public record Form(String jurisdictionId, String serviceCode, String description, String addressString, String lat,
                       String lon, String firstName, String lastName, String phone, String email) {
    }

    /** A request of the client, with when it last changed. */
    public record Found(Petition petition, Instant updated) {
    }

    /** A request GeoReport answers with its error list: the HTTP status and one description per problem. */
    public static final class Rejected extends RuntimeException {
        private final int status;
        private final List<String> descriptions;

        Rejected(int status, List<String> descriptions) {
            super(String.join("; ", descriptions), null, false, false);
            this.status = status;
            this.descriptions = descriptions;
        }

        public int status() {
            return status;
        }

        public List<String> descriptions() {
            return descriptions;
        }
    }

    /** Registers the request as a petition of the client (each bad field named in a {@link Rejected} 400). */
    public Uni<Registration> register(Form form, String client, String idempotencyKey) {
        String key = blankToNull(idempotencyKey);
        if (key != null && !IdempotencyKeys.wellFormed(key)) {
            return Uni.createFrom().failure(new Rejected(400, List.of("Idempotency-Key: 须为 1 到 200 个可见字符 / must be "
                    + "1 to 200 visible characters")));
        }
        SubmitPetitionRequest request = new SubmitPetitionRequest(Channel.OPEN311, PetitionKind.SOLUTION_REQUEST,
                form.serviceCode(), form.jurisdictionId(), address(form.addressString(), form.lat(), form.lon()),
                title(form.serviceCode(), form.description()), form.description(), null,
                List.of(new SubmitPetitionRequest.PetitionerInput(null, name(form.firstName(), form.lastName()), null,
                        blankToNull(form.phone()), null, null, blankToNull(form.email()))),
                null, null, null, null, null);
        List<String> errors = validator.validate(request).stream().map(Open311Requests::describe).sorted().toList();
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new Rejected(400, errors));
        }
        Petition petition = PetitionMapper.toEntity(request, Channel.OPEN311);
        return registration.register(petition, client, OPEN311_CLIENT, ContactPreferences.NONE, key,
                key == null ? null : IdempotencyKeys.fingerprint(json, request));
    }

    /** The client's requests among a comma-separated list of service_request_id (tracking codes). */
    public Uni<List<Found>> byIds(String client, String ids) {
        List<String> codes;
        try {
            codes = CommaSeparated.values(ids, MAX_REQUESTS);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new Rejected(400, List.of("service_request_id: 须为以逗号分隔的请求编号 / "
                    + "must be a comma-separated list of request ids")));
        }
        return Panache.withSession(() -> petitions.findByTrackingCodes(client, codes).chain(this::found));
    }

    /** One request of the client, or a {@link Rejected} 404. */
    public Uni<List<Found>> byId(String client, String id) {
        return Panache.withSession(() -> petitions.findByTrackingCodes(client, List.of(id)).chain(this::found))
                .invoke(found -> {
                    if (found.isEmpty()) {
                        throw new Rejected(404, List.of("service_request_id: 无此请求 / no such request of this client"));
                    }
                });
    }

    /**
     * The client's requests in a period (ISO 8601 date-times; default the last 90 days), optionally only open
     * or closed ones and of one service code; at most {@link #MAX_REQUESTS}, newest first.
     */
    public Uni<List<Found>> inPeriod(String client, String startDate, String endDate, String status, String serviceCode) {
        Instant end;
        Instant start;
        try {
            end = endDate == null ? Instant.now() : OffsetDateTime.parse(endDate).toInstant();
            start = startDate == null ? end.minus(Duration.ofDays(90)) : OffsetDateTime.parse(startDate).toInstant();
        } catch (DateTimeParseException e) {
            return Uni.createFrom().failure(new Rejected(400, List.of("start_date/end_date: 须为 ISO 8601 时间，如 "
                    + "2026-11-01T00:00:00+08:00 / must be ISO 8601 date-times such as 2026-11-01T00:00:00+08:00")));
        }
        if (status != null && !Set.of("open", "closed").contains(status)) {
            return Uni.createFrom().failure(new Rejected(400, List.of("status: 须为 open 或 closed / must be open or closed")));
        }
        return Panache.withSession(() -> petitions.findRegisteredBy(client, start, end, MAX_REQUESTS)
                .map(found -> found.stream()
                        .filter(p -> serviceCode == null || serviceCode.equals(p.subjectCategory))
                        .filter(p -> status == null || status.equals(geoReportStatus(p)))
                        .toList())
                .chain(this::found));
    }

    /** GeoReport knows only open and closed. */
    public static String geoReportStatus(Petition petition) {
        return petition.closedAt == null ? "open" : "closed";
    }

    private Uni<List<Found>> found(List<Petition> found) {
        return statuses.lastChanged(found.stream().map(p -> p.id).toList())
                .map(changed -> found.stream().map(p -> new Found(p, changed.getOrDefault(p.id, p.receivedAt)))
                        .sorted(Comparator.comparing((Found f) -> f.petition().receivedAt).reversed())
                        .toList());
    }

    private static String describe(ConstraintViolation<SubmitPetitionRequest> violation) {
        String path = violation.getPropertyPath().toString();
        return FIELD_NAMES.getOrDefault(path, path) + ": " + violation.getMessage();
    }

    private static String address(String addressString, String lat, String lon) {
        if (addressString != null && !addressString.isBlank()) {
            return addressString.strip();
        }
        return lat != null && lon != null && !lat.isBlank() && !lon.isBlank() ? "WGS84 " + lat.strip() + "," + lon.strip() : null;
    }

    /** The service's name and the beginning of the description. */
    private static String title(String serviceCode, String description) {
        String service = SubjectCategories.shipped().find(serviceCode).map(SubjectCategory::chinese).orElse("Open311");
        String text = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        return service + "：" + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    /** Chinese names are family name first, without a space; others given name first. */
    private static String name(String first, String last) {
        String f = first == null ? "" : first.strip();
        String l = last == null ? "" : last.strip();
        boolean chinese = (f + l).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return (chinese ? l + f : (f + " " + l)).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
