package org.openpetition.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SharedInfrastructure;
import org.openpetition.routing.directory.DirectoryIndex;
import org.openpetition.routing.service.PetitionFacts;
import org.openpetition.routing.service.RoutingRules;

/** The directory API: search, village import, bulk import of units and leaders with its checks. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class DirectoryResourceTest {

    @Inject
    DirectoryIndex index;

    @Inject
    RoutingRules rules;

    @Test
    void divisionsAreFoundByCodeAndName() {
        given().auth().oauth2(token("dispatcher")).queryParam("q", "511703").when().get("/api/directory/divisions")
                .then().statusCode(200).body("[0].code", is("511703")).body("[0].name", is("达川区"))
                .body("code", hasItem("511703001"));
        given().auth().oauth2(token("dispatcher")).queryParam("q", "永福").queryParam("limit", 500).when().get("/api/directory/divisions")
                .then().statusCode(200).body("code", hasItems("450326", "450326100"));
        given().auth().oauth2(token("clerk")).when().get("/api/directory/divisions/411625101")
                .then().statusCode(200).body("code", contains("411625101", "411625", "4116", "41"))
                .body("name", contains("吴台镇", "郸城县", "周口市", "河南省"));
        given().auth().oauth2(token("clerk")).when().get("/api/directory/divisions/411699").then().statusCode(404);
        given().when().queryParam("parent", "5117").get("/api/directory/divisions").then().statusCode(200)
                .body("code", hasItem("511703"));
    }

    @Test
    void unitsShowTheirSupervisingChainAndLocalityTheirOffices() {
        given().auth().oauth2(token("dispatcher")).when().get("/api/directory/units/411625-XFJ")
                .then().statusCode(200).body("code", contains("411625-XFJ", "4116-XFJ", "41-XFJ"))
                .body("[0].kind", is("PETITION_OFFICE"));
        given().auth().oauth2(token("dispatcher")).queryParam("locality", "511703").when().get("/api/directory/units")
                .then().statusCode(200).body("code", hasItems("511703-ZJJ", "511703-JYJ", "511703-XFJ", "511703-JW", "5117-JW"));
        given().auth().oauth2(token("dispatcher")).queryParam("locality", "511703").when().get("/api/directory/leaders")
                .then().statusCode(200).body("id", hasItems("511703-L01", "5117-L01"));
    }

    @Test
    void anyoneFindsUnitNamesAtALocalityAndAboveButNotWhereTheyReceiveNotices() {
        given().queryParam("locality", "511703").queryParam("q", "住房").when().get("/api/directory/unit-names")
                .then().statusCode(200).body("code", hasItem("511703-ZJJ")).body("code", not(hasItem("511703-JYJ")))
                .body("[0].name", containsString("住房")).body("[0].email", nullValue());
        given().queryParam("locality", "511703").queryParam("q", "纪").when().get("/api/directory/unit-names")
                .then().statusCode(200).body("code", hasItems("511703-JW", "5117-JW"))
                .body("localityCode", hasItems("511703", "5117"));
        given().queryParam("locality", "511703").queryParam("limit", 2).when().get("/api/directory/unit-names")
                .then().statusCode(200).body("size()", is(2));
        given().queryParam("q", "住房").when().get("/api/directory/unit-names")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("locality"));
    }

    @Test
    void aDivisionNameWithAQuotedCommaIsReadAndWrittenForCopyAsOneField() {
        String csv = "code,name\n450326100002,\"永福镇某村, \"\"一组\"\"\"\n";
        given().auth().oauth2(token("admin")).contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/directory/divisions")
                .then().statusCode(200).body("imported", is(1));
        given().auth().oauth2(token("dispatcher")).when().get("/api/directory/divisions/450326100002")
                .then().statusCode(200).body("[0].name", is("永福镇某村, \"一组\"")).body("[0].level", is(5));
    }

    @Test
    void villagesAreImportedFromTheDataSetsCsvAndRouted() {
        String csv = "code,name,streetCode,provinceCode,cityCode,areaCode\n"
                + "511703001001,\"梧桐梁社区居民委员会\",511703001,51,5117,511703\n"
                + "511703001002,\"曹家梁社区居民委员会\",511703001,51,5117,511703\n";
        given().auth().oauth2(token("admin")).contentType("text/csv").body(csv).when().post("/api/directory/divisions")
                .then().statusCode(200).body("imported", is(2));
        given().auth().oauth2(token("dispatcher")).queryParam("parent", "511703001").when().get("/api/directory/divisions")
                .then().statusCode(200).body("code", contains("511703001001", "511703001002")).body("[0].level", is(5));
        var directory = index.current();
        assertEquals("511703-ZJJ", rules.decide(petition("511703001002"), Set.of(), directory).unit().code());
        // villages of 三里坪街道 are imported now: a code that is not among them is unknown
        assertEquals("DISPATCHER_QUEUE", rules.decide(petition("511703001999"), Set.of(), directory).outcome().name());
    }

    @Test
    void gzipCompressedVillageFilesAreAccepted() throws Exception {
        String csv = "code,name,streetCode,provinceCode,cityCode,areaCode\n"
                + "450326102200,\"东岸村委会\",450326102,45,4503,450326\n";
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        given().auth().oauth2(token("admin")).contentType("text/csv").header("Content-Encoding", "gzip").body(bytes.toByteArray())
                .when().post("/api/directory/divisions")
                .then().statusCode(200).body("imported", is(1));
        given().auth().oauth2(token("dispatcher")).when().get("/api/directory/divisions/450326102200")
                .then().statusCode(200).body("[0].name", is("东岸村委会"));
    }

    @Test
    void badDivisionRowsAreNamedAndNothingIsImported() {
        String csv = "code,name\n450326100001,\"某村\"\n45032610,\"坏代码\"\n450399100001,\"无上级\"\n";
        given().auth().oauth2(token("admin")).contentType("text/csv").body(csv).when().post("/api/directory/divisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("line 3: code"));
        given().auth().oauth2(token("admin")).contentType("text/csv").body("code,name\n450399100001,\"无上级\"\n")
                .when().post("/api/directory/divisions")
                .then().statusCode(400).body("errors[0].reason", containsString("450399100"));
        given().auth().oauth2(token("dispatcher")).queryParam("q", "450326100001").when().get("/api/directory/divisions")
                .then().statusCode(200).body("size()", is(0));
        given().auth().oauth2(token("dispatcher")).contentType("text/csv").body("code,name\n").when().post("/api/directory/divisions")
                .then().statusCode(403);
    }

    @Test
    void bulkImportReportsEveryProblemAndImportsNothing() {
        String body = """
                {"units": [
                  {"code": "411622-TEST1", "name": "测试一", "localityCode": "419999", "kind": "DEPARTMENT", "email": "a@b.c", "remit": ["EDUCATION"]},
                  {"code": "411622-TEST2", "name": "测试二", "localityCode": "411622", "kind": "DEPARTMENT", "email": "a@b.c", "remit": []},
                  {"code": "411622-TEST3", "name": "测试三", "localityCode": "411622", "kind": "BUREAU", "email": "a@b.c", "remit": ["NO_SUCH"]},
                  {"code": "411622-TEST4", "name": "测试四", "localityCode": "411622", "kind": "DEPARTMENT", "email": "a@b.c",
                   "supervisingCode": "4116-NOPE", "remit": ["EDUCATION"]},
                  {"code": "411622-TEST5", "name": "测试五", "localityCode": "411622", "kind": "DEPARTMENT", "email": "a@b.c",
                   "supervisingCode": "411622-TEST6", "remit": ["EDUCATION"]},
                  {"code": "411622-TEST6", "name": "测试六", "localityCode": "411622", "kind": "DEPARTMENT", "email": "a@b.c",
                   "supervisingCode": "411622-TEST5", "remit": ["EDUCATION"]}
                ],
                "leaders": [{"id": "411622-LX", "name": "某", "title": "副县长", "localityCode": "4116229"}]}
                """;
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(body).when().post("/api/directory/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("units[0].localityCode", "units[1].remit", "units[2].kind", "units[2].remit",
                        "units[3].supervisingCode", "units[4].supervisingCode", "units[5].supervisingCode",
                        "leaders[0].localityCode"))
                .body("errors.reason", hasItem(containsString("循环")));
        given().auth().oauth2(token("dispatcher")).when().get("/api/directory/units/411622-TEST2").then().statusCode(404);
    }

    @Test
    void bulkImportAddsUnitsAndLeadersThatRoutingUsesAtOnce() {
        String body = """
                {"units": [
                  {"code": "450326-TYJ", "name": "桂林市永福县文化广电体育和旅游局", "localityCode": "450326", "kind": "DEPARTMENT",
                   "email": "450326-tyj@dept.demo.openpetition.local", "remit": ["CONSUMER_RIGHTS"]},
                  {"code": "450326101-ZF", "name": "桂林市永福县罗锦镇人民政府", "localityCode": "450326101", "kind": "DEPARTMENT",
                   "email": "450326101-zf@dept.demo.openpetition.local", "supervisingCode": "450326-TYJ", "remit": ["RURAL_LAND"]}
                ],
                "leaders": [{"id": "450326-L09", "name": "测试（演示）", "title": "永福县副县长", "localityCode": "450326"}]}
                """;
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(body).when().post("/api/directory/import")
                .then().statusCode(200).body("units", is(2)).body("leaders", is(1));
        var directory = index.current();
        // CONSUMER_RIGHTS: the exact remit at 永福县 wins over the group MARKET_REGULATION of 市场监督管理局
        assertEquals("450326-TYJ", rules.decide(new PetitionFacts("SOLUTION_REQUEST", "CONSUMER_RIGHTS", "450326", null, null,
                false, null, false), Set.of(), directory).unit().code());
        assertEquals("450326101-ZF", rules.decide(petition("450326101").withCategory("RURAL_LAND"), Set.of(), directory)
                .unit().code());
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(body).when().post("/api/directory/import")
                .then().statusCode(200); // importing again replaces
        given().auth().oauth2(token("dispatcher")).contentType(ContentType.JSON).body(body).when().post("/api/directory/import")
                .then().statusCode(403);
    }

    @Test
    void unitsImportFromCsvWithLineNumbersInErrors() {
        String ok = "code,name,localityCode,kind,email,supervisingCode,remit\n"
                + "411602-TYJRSWJ2,周口市川汇区退役军人服务中心,411602,DEPARTMENT,411602-tyjrswj2@dept.demo.openpetition.local,"
                + "411602-TYJRSWJ,VETERANS|SOCIAL_ASSISTANCE\n";
        given().auth().oauth2(token("admin")).contentType("text/csv").body(ok).when().post("/api/directory/import")
                .then().statusCode(200).body("units", is(1));
        // a quoted name with a comma and doubled quotes: read as one field, stored and shown as written
        String quoted = "code,name,localityCode,kind,email,supervisingCode,remit\n"
                + "411602-TYJRSWJ3,\"周口市川汇区退役军人服务站, \"\"第二站\"\"\",411602,DEPARTMENT,"
                + "411602-tyjrswj3@dept.demo.openpetition.local,411602-TYJRSWJ,VETERANS\n";
        given().auth().oauth2(token("admin")).contentType("text/csv; charset=UTF-8").body(quoted).when().post("/api/directory/import")
                .then().statusCode(200).body("units", is(1));
        given().auth().oauth2(token("dispatcher")).when().get("/api/directory/units/411602-TYJRSWJ3")
                .then().statusCode(200).body("[0].name", is("周口市川汇区退役军人服务站, \"第二站\""))
                .body("[0].localityCode", is("411602"));
        String bad = "code,name,localityCode,kind,email,supervisingCode,remit\n"
                + "411602-X,某单位,411602,DEPARTMENT,x@y.z,,\n";
        given().auth().oauth2(token("admin")).contentType("text/csv").body(bad).when().post("/api/directory/import")
                .then().statusCode(400).body("errors[0].field", is("line 2.remit"));
    }

    private static PetitionFacts petition(String locality) {
        return new PetitionFacts("SOLUTION_REQUEST", "URBAN_HOUSING", locality, null, null, false, null, false);
    }

    private static String token(String user) {
        return SharedInfrastructure.get().keycloak().accessToken(user);
    }
}
