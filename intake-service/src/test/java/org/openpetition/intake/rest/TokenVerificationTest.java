package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.intake.IntakeTestSupport.petitionJson;
import static org.openpetition.intake.IntakeTestSupport.token;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.platform.security.VerifiedTokens;

/**
 * A bearer token is verified once and then answered from the cache of verified tokens, with the same
 * roles and claims; a token changed in any character is verified in full and refused.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class TokenVerificationTest {

    @Inject
    VerifiedTokens verified;

    /** /q/metrics on the management interface (its own port, not the API's). */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Test
    void aTokenIsVerifiedOnceThenKeptWithItsRolesAndClaims() {
        String clerk = token("clerk");
        long hits = verified.hits();
        long misses = verified.misses();

        String first = register(clerk);
        assertEquals(misses + 1, verified.misses(), "the first use verifies the token in full");
        String second = register(clerk);
        given().auth().oauth2(clerk).when().get("/api/petitions/" + first).then().statusCode(200)
                .body("registeredBy", is("clerk"));
        // the kept identity keeps its roles: a clerk is still no Open311 client, no auditor of the list
        given().auth().oauth2(clerk).formParam("jurisdiction_id", "450326").when().post("/open311/v2/requests.json")
                .then().statusCode(403);

        assertEquals(misses + 1, verified.misses(), "later uses are not verified again");
        assertEquals(hits + 3, verified.hits());
        given().auth().oauth2(clerk).when().get("/api/petitions/" + second).then().statusCode(200)
                .body("registeredBy", is("clerk"));

        // operators see the hit rate
        String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"verified-tokens\"")
                && l.contains("result=\"hit\"") && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= verified.hits()),
                "verified-token hits on /q/metrics");
    }

    @Test
    void aKeptTokenChangedInAnyCharacterIsVerifiedInFullAndRefused() {
        String clerk = token("clerk");
        register(clerk);
        long misses = verified.misses();

        String[] parts = clerk.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = payload.replace("\"clerk\"", "\"admin\"");
        assertNotEquals(payload, elevated, "the token names its realm role");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(elevated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(401);

        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        given().auth().oauth2(badSignature).contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(401);

        assertEquals(misses + 2, verified.misses(), "both changed tokens were verified, not taken from the cache");
    }

    private static String register(String token) {
        return given().auth().oauth2(token).contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
    }
}
