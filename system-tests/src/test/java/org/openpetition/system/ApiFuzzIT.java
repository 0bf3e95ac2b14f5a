package org.openpetition.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.Platform;
import org.openpetition.devinfra.PlatformService;

/**
 * A bounded fuzz of every operation in the four services' OpenAPI documents, on loopback, with real
 * tokens of the demo users: bodies built from each operation's schema and then broken (malformed JSON, a
 * required field missing, a field of the wrong type, the wrong content type), garbage in path and query
 * parameters, and random values within the schema. No answer may be a 5xx, input that is invalid by
 * construction must be refused with a 4xx, and nothing may be stored from it (the row counts of the
 * services' tables before and after). {@code verify} sends {@value #DEFAULT_REQUESTS} requests;
 * {@code -Dfuzz.requests=10000} the full run (docs/security.md), {@code -Dfuzz.seed=N} repeats one.
 */
class ApiFuzzIT {

    private static final int DEFAULT_REQUESTS = 1200;
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> USERS = List.of("citizen", "clerk", "dispatcher", "handler", "supervisor", "reviewer",
            "leader", "admin", "auditor");
    /** Configuration an administrator changes: fuzzed with broken input only, so the shared platform stays as it is. */
    private static final List<String> CONFIGURATION = List.of("/api/calendar/years/{year}", "/api/directory/divisions",
            "/api/directory/import", "/api/supervision/sweeps", "/api/notifications/{id}/retry");
    /** Parameter values none of which is valid where a parameter is expected (an empty value would mean "default"). */
    private static final List<String> GARBAGE = List.of(" ", "%00", "../../etc/passwd", "' or 1=1 --", "😀😀", "-1x",
            "1e309", "null", "{}", "\u202e", "x".repeat(3000), "2026-02-30");
    /** The tables that only requests write (consumers and schedules write others meanwhile), per service database. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "intake", List.of("petition", "petitioner", "attachment", "idempotency_key"),
            "routing", List.of("case_return", "department", "division", "leader"),
            "supervision", List.of("calendar_year"),
            "notification", List.of("recipient_preference"));

    /** One operation of a service's OpenAPI document. */
    record Operation(PlatformService service, String method, String path, JsonNode operation, JsonNode document) {
        String key() {
            return service + " " + method + " " + path;
        }
    }

    private static Platform platform;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final List<Operation> OPERATIONS = new ArrayList<>();

    @BeforeAll
    static void readTheDocuments() throws Exception {
        platform = SharedPlatform.get();
        for (String user : USERS) {
            TOKENS.put(user, platform.infrastructure().keycloak().accessToken(user));
        }
        for (PlatformService service : PlatformService.apis()) {
            JsonNode document = JSON.readTree(given().queryParam("format", "json").get(platform.service(service).managementUrl() + "/q/openapi")
                    .asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!path.getKey().endsWith("/stream") && List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                        OPERATIONS.add(new Operation(service, op.getKey().toUpperCase(), path.getKey(), op.getValue(), document));
                    }
                }
            }
        }
        assertTrue(OPERATIONS.size() > 40, "operations found: " + OPERATIONS.size());
    }

    @Test
    void invalidInputIsRefusedWithA4xxAndLeavesNothingStored() throws Exception {
        Random random = new Random(SEED);
        Map<String, Long> before = counts();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        // an operation without parameters or body has nothing to break
        List<Operation> operations = OPERATIONS.stream().filter(op -> bodySchema(op) != null
                || op.operation().path("parameters").size() > 0).toList();
        for (int i = 0; sent < REQUESTS / 2; i++) {
            Operation op = operations.get(i % operations.size());
            Broken broken = broken(op, random);
            int status = send(op, broken.request(), broken.path(), random);
            sent++;
            if (status >= 500 || broken.surelyInvalid() && status < 400) {
                wrong.add(op.key() + " [" + broken.how() + "]: " + status);
            }
        }
        Map<String, Long> after = counts();
        System.out.printf("API FUZZ: %d broken requests over %d operations (seed %d), %d answered wrongly%n", sent,
                operations.size(), SEED, wrong.size());
        assertEquals(List.of(), wrong.stream().limit(30).toList(), "seed " + SEED);
        assertEquals(before, after, "rows stored from invalid input (seed " + SEED + ")");
    }

    @Test
    void randomInputWithinTheSchemasNeverCausesAServerError() throws Exception {
        Random random = new Random(SEED + 1);
        List<Operation> operations = OPERATIONS.stream().filter(op -> !CONFIGURATION.contains(op.path())).toList();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (int i = 0; sent < REQUESTS - REQUESTS / 2; i++) {
            Operation op = operations.get(i % operations.size());
            JsonNode schema = bodySchema(op);
            RequestSpecification request = given();
            if (schema != null && jsonBody(op)) {
                request = request.contentType("application/json").body(JSON.writeValueAsString(instance(op.document(), schema, random, 0)));
            }
            int status = send(op, request, path(op, random, false), random);
            sent++;
            if (status >= 500) {
                wrong.add(op.key() + ": " + status);
            }
        }
        System.out.printf("API FUZZ: %d requests within the schemas over %d operations (seed %d), %d server errors%n", sent,
                operations.size(), SEED + 1, wrong.size());
        assertEquals(List.of(), wrong.stream().limit(30).toList(), "seed " + (SEED + 1));
    }

    /** A request broken one way, and whether it is invalid whatever the server's rules (so it must be refused). */
    record Broken(RequestSpecification request, String path, String how, boolean surelyInvalid) {
    }

    private static Broken broken(Operation op, Random random) throws Exception {
        JsonNode schema = bodySchema(op);
        int way = random.nextInt(4);
        if (schema == null || way == 0) {
            // garbage in the path and query parameters; the body, if any, is left out
            return new Broken(given(), path(op, random, true), "garbage parameters", false);
        }
        if (!jsonBody(op) || way == 1) {
            return new Broken(given().contentType(jsonBody(op) ? "text/plain" : "application/json").body("{\"x\": 1}"),
                    path(op, random, false), "wrong content type", true);
        }
        JsonNode valid = instance(op.document(), schema, random, 0);
        if (way == 2 || !(valid instanceof ObjectNode object) || object.isEmpty()) {
            String text = JSON.writeValueAsString(valid);
            return new Broken(given().contentType("application/json").body(text.substring(0, Math.max(1, text.length() / 2))),
                    path(op, random, false), "malformed JSON", true);
        }
        JsonNode resolved = resolve(op.document(), schema);
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        if (!required.isEmpty() && random.nextBoolean()) {
            String field = required.get(random.nextInt(required.size()));
            object.remove(field);
            return new Broken(given().contentType("application/json").body(JSON.writeValueAsString(object)), path(op, random, false),
                    "without the required " + field, true);
        }
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode fieldSchema = resolve(op.document(), resolved.path("properties").path(field));
        String type = fieldSchema.path("type").asText("");
        object.set(field, "string".equals(type) ? NODES.objectNode().put("nested", "object")
                : NODES.textNode("not-a-" + (type.isEmpty() ? "value" : type)));
        // a JSON object for a string, text for a number, boolean or array: invalid whatever the server's rules;
        // text for an object or a field of no declared type may be read by a constructor: only no 5xx then
        return new Broken(given().contentType("application/json").body(JSON.writeValueAsString(object)), path(op, random, false),
                field + " of the wrong type", !type.isEmpty() && !"object".equals(type));
    }

    private static int send(Operation op, RequestSpecification request, String path, Random random) {
        String user = USERS.get(random.nextInt(USERS.size()));
        return request.config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 10_000)))
                .auth().oauth2(TOKENS.get(user)).urlEncodingEnabled(false)
                .request(op.method(), platform.service(op.service()).url() + path).statusCode();
    }

    /** The path with its parameters filled (garbage or plausible) and the declared query parameters. */
    private static String path(Operation op, Random random, boolean garbage) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.operation().path("parameters")) {
            String name = parameter.path("name").asText();
            String value = garbage ? GARBAGE.get(random.nextInt(GARBAGE.size()))
                    : instance(op.document(), parameter.path("schema"), random, 0).asText();
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            switch (parameter.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", encoded.isEmpty() ? "%20" : encoded);
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encoded);
                default -> {
                }
            }
        }
        return path + query;
    }

    private static JsonNode bodySchema(Operation op) {
        JsonNode content = op.operation().path("requestBody").path("content");
        if (content.isMissingNode() || !content.fields().hasNext()) {
            return null;
        }
        return content.fields().next().getValue().path("schema");
    }

    private static boolean jsonBody(Operation op) {
        return op.operation().path("requestBody").path("content").has("application/json");
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(document, current.get("allOf").get(0));
        }
        return current;
    }

    /** A value of the schema's shape, random but plausible (formats, enums, bounds where declared). */
    private static JsonNode instance(JsonNode document, JsonNode schema, Random random, int depth) {
        JsonNode s = resolve(document, schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("object");
        return switch (type) {
            case "integer" -> NODES.numberNode(random.nextInt(4) == 0 ? -random.nextInt(1000) : random.nextInt(100));
            case "number" -> NODES.numberNode(random.nextDouble() * 100);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = depth > 3 ? 0 : random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    array.add(instance(document, s.path("items"), random, depth + 1));
                }
                yield array;
            }
            case "string" -> NODES.textNode(string(s, random));
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth <= 3) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = it.next();
                        object.set(property.getKey(), instance(document, property.getValue(), random, depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    private static String string(JsonNode s, Random random) {
        switch (s.path("format").asText("")) {
            case "uuid":
                return java.util.UUID.randomUUID().toString();
            case "date":
                return java.time.LocalDate.now().plusDays(random.nextInt(60) - 30).toString();
            case "date-time":
                return java.time.Instant.now().toString();
            default:
                break;
        }
        List<String> samples = List.of("511703", "511703-ZJJ", "URBAN_HOUSING", "小区加装电梯", "13800138000", "测试内容测试内容测试内容",
                "zh", "EMAIL", "2026", "x".repeat(1 + random.nextInt(300)));
        return samples.get(random.nextInt(samples.size()));
    }

    /** Row counts of the tables invalid input could reach. */
    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (Map.Entry<String, List<String>> database : TABLES.entrySet()) {
            try (Connection c = DriverManager.getConnection(platform.infrastructure().postgres().jdbcUrl(database.getKey()),
                    database.getKey(), database.getKey())) {
                for (String table : database.getValue()) {
                    try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(database.getKey() + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
