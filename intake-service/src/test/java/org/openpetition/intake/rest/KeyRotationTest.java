package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.intake.service.PersonalDataProtection;
import org.openpetition.intake.service.PersonalDataProtectionTest;

/**
 * A key rotation: values written under the earlier key (and before key ids) are read while it is retired,
 * and the re-encryption run rewrites them under the new key, with the identity numbers' matching hashes
 * computed again, so that repeat detection finds the petitioner with the new key.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.RotatedKeys.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class KeyRotationTest {

    public static class RotatedKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the key the module's other tests write under (devinfra's development key, id 1) is retired too
            String development = infra().serviceConfig(PlatformService.INTAKE).get("petition.personal-data.encryption-key");
            return Map.of("petition.personal-data.encryption-key", PersonalDataProtectionTest.KEY_2,
                    "petition.personal-data.encryption-key-id", "2026b",
                    "petition.personal-data.retired-encryption-keys",
                    "2026a:" + PersonalDataProtectionTest.KEY_1 + ",1:" + development,
                    "petition.personal-data.matching-key", PersonalDataProtectionTest.MATCHING);
        }
    }

    private static final String ID_NUMBER = "51170319800101002X";

    @Test
    void valuesUnderTheRetiredKeyAreReadAndRewrittenUnderTheNewOne() {
        JsonPath receipt = given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petitionJson("LETTER").replace("\"name\": \"张三\"", "\"name\": \"张三\", \"idNumber\": \"" + ID_NUMBER + "\""))
                .when().post("/api/petitions").then().statusCode(201).extract().jsonPath();
        String caseId = receipt.getString("caseId");
        String secret = receipt.getString("querySecret");
        // as written before the rotation: the identity number under the retired key, the secret from before key ids
        PersonalDataProtection earlier = PersonalDataProtectionTest.protection(PersonalDataProtectionTest.KEY_1, "2026a", null);
        execute("update petitioner set id_number_encrypted = ?, id_number_hash = 'stale' where petition_id = ?::uuid",
                earlier.encrypt(ID_NUMBER), caseId);
        execute("update petition set query_secret_encrypted = ? where id = ?::uuid",
                earlier.encrypt(secret).substring("v2:2026a:".length()), caseId);
        // read while the key is retired
        given().contentType("application/json").body(Map.of("trackingCode", receipt.getString("trackingCode"), "querySecret", secret))
                .when().post("/api/tracking").then().statusCode(200);

        given().auth().oauth2(token("clerk")).when().post("/api/admin/personal-data/re-encryption").then().statusCode(403);
        given().auth().oauth2(token("admin")).when().post("/api/admin/personal-data/re-encryption").then().statusCode(200)
                .body("keyId", is("2026b")).body("identityNumbers", greaterThanOrEqualTo(1))
                .body("querySecrets", greaterThanOrEqualTo(1));

        assertEquals(0, count("select count(*) from petitioner where id_number_encrypted not like 'v2:2026b:%'"));
        assertEquals(0, count("select count(*) from petition where query_secret_encrypted not like 'v2:2026b:%'"));
        PersonalDataProtection current = PersonalDataProtectionTest.protection(PersonalDataProtectionTest.KEY_2, "2026b", null);
        assertEquals(1, count("select count(*) from petitioner where petition_id = ?::uuid and id_number_hash = ?",
                caseId, current.matchingHash(ID_NUMBER)), "the matching hash is computed again with the current key");
        given().contentType("application/json").body(Map.of("trackingCode", receipt.getString("trackingCode"), "querySecret", secret))
                .when().post("/api/tracking").then().statusCode(200);
        // a second run finds nothing left
        given().auth().oauth2(token("admin")).when().post("/api/admin/personal-data/re-encryption").then().statusCode(200)
                .body("identityNumbers", is(0)).body("querySecrets", is(0));
    }
}
