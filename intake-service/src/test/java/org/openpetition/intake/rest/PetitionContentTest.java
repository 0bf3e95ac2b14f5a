package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;

/** The subject category comes from the maintained taxonomy; an accusation names whom it accuses. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionContentTest {

    @Test
    void theTaxonomyIsPublicAndOnlyItsCodesAreAccepted() {
        given().when().get("/api/subject-categories").then().statusCode(200)
                .body("find { it.code == 'URBAN_HOUSING' }.parent", is("URBAN_CONSTRUCTION"))
                .body("find { it.code == 'URBAN_HOUSING' }.chinese", is("住房保障与城镇住房"))
                .body("find { it.code == 'URBAN_CONSTRUCTION' }.parent", nullValue())
                .body("code", hasItems("WAGE_ARREARS", "FOOD_SAFETY", "OTHER"));

        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petitionJson("LETTER").replace("URBAN_HOUSING", "FLYING_SAUCERS"))
                .when().post("/api/petitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("subjectCategory"))
                .body("errors[0].reason", containsString("不是有效的事项类别代码"))
                .body("errors[0].reason", containsString("not an active subject category code"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petitionJson("LETTER").replace("URBAN_HOUSING", "FOOD_SAFETY"))
                .when().post("/api/petitions").then().statusCode(201);
    }

    @Test
    void anAccusationMustNameTheAccusedAndNothingElseMay() {
        String accusation = petitionJson("LETTER").replace("SOLUTION_REQUEST", "ACCUSATION");
        given().auth().oauth2(token("clerk")).contentType("application/json").body(accusation)
                .when().post("/api/petitions").then().statusCode(400)
                .body("errors.field", contains("accused"))
                .body("errors[0].reason", containsString("an accusation must name the accused unit or official"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(withAccused(accusation, "{\"officialPosition\": \"科长\"}"))
                .when().post("/api/petitions").then().statusCode(400).body("errors.field", contains("accused"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(withAccused(accusation, "{\"unitCode\": \"住建局\", \"unitName\": \"区住建局\"}"))
                .when().post("/api/petitions").then().statusCode(400).body("errors.field", contains("accused.unitCode"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(withAccused(petitionJson("LETTER"), "{\"unitName\": \"区住建局\"}"))
                .when().post("/api/petitions").then().statusCode(400)
                .body("errors.field", contains("accused"))
                .body("errors[0].reason", containsString("only an accusation"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(withAccused(accusation, "{\"officialName\": \"李某\", \"officialPosition\": \"科长\"}"))
                .when().post("/api/petitions").then().statusCode(201);
    }

    private static String withAccused(String json, String accused) {
        return json.replaceFirst("\\{", "{\"accused\": " + accused + ", ");
    }
}
