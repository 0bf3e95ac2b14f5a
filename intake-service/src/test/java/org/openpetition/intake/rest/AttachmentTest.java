package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.intake.IntakeTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import org.apache.http.entity.mime.HttpMultipartMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;

/** Attachments: limits of type and size, checksums, stored durably, visible only to the handler chain and owner. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class AttachmentTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + UUID.randomUUID() + "\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPdfIsStoredWithItsChecksumOnceAndComesBackByteForByte() throws Exception {
        String caseId = petition("citizen");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));

        String attachmentId = upload("citizen", caseId, "材料/证明.pdf", "application/pdf", PDF, sha256).statusCode(201)
                .header("Location", containsString("/attachments/"))
                .body("fileName", is("证明.pdf"))
                .body("mediaType", is("application/pdf"))
                .body("sizeBytes", is(PDF.length))
                .body("sha256", is(sha256))
                .extract().path("attachmentId");
        upload("citizen", caseId, "again.pdf", "application/pdf", PDF, null).statusCode(200)
                .body("attachmentId", is(attachmentId));
        assertEquals(1, count("select count(*) from attachment_content c join attachment a on a.id = c.id "
                + "where a.petition_id = ? and length(c.content) = ?", UUID.fromString(caseId), PDF.length));

        given().auth().oauth2(token("citizen")).when().get("/api/petitions/" + caseId + "/attachments").then()
                .statusCode(200).body("attachmentId", contains(attachmentId));
        byte[] downloaded = given().auth().oauth2(token("citizen")).when()
                .get("/api/petitions/" + caseId + "/attachments/" + attachmentId).then().statusCode(200)
                .contentType("application/pdf")
                .header("Repr-Digest", is("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":"))
                .header("Content-Disposition", containsString("%E8%AF%81%E6%98%8E.pdf"))
                .extract().asByteArray();
        assertArrayEquals(PDF, downloaded);
    }

    @Test
    void aFileWhoseBytesAreNotWhatItsTypeAndNameSayIsRefused() {
        String caseId = petition("clerk");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        upload("clerk", caseId, "scan.pdf", "application/pdf", png, null).statusCode(415)
                .body("detail", containsString("declared application/pdf, content image/png"))
                .body("errors.field", contains("file"));
        upload("clerk", caseId, "scan.png", "image/png", png, null).statusCode(201).body("mediaType", is("image/png"));
    }

    @Test
    void typeSizeChecksumAndCountAreChecked() {
        String caseId = petition("clerk");
        upload("clerk", caseId, "photo.png", "image/png", PDF, null).statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("declared image/png, content application/pdf"));
        upload("clerk", caseId, "tool.exe", "application/octet-stream", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}, null)
                .statusCode(415);
        upload("clerk", caseId, "archive.zip", "application/octet-stream", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, null)
                .statusCode(415); // a zip that is not a Word document
        upload("clerk", caseId, "empty.txt", "text/plain", new byte[0], null).statusCode(400)
                .body("errors.field", contains("file"));
        upload("clerk", caseId, "big.txt", "text/plain", "a".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII), null)
                .statusCode(413).body("type", endsWith("/too-large"));
        upload("clerk", caseId, "letter.pdf", "application/pdf", PDF, "00".repeat(32)).statusCode(400)
                .body("errors.field", contains("sha256"));
        given().auth().oauth2(token("clerk")).multiPart("sha256", "x").when()
                .post("/api/petitions/" + caseId + "/attachments").then().statusCode(400).body("errors.field", contains("file"));

        for (int i = 0; i < 3; i++) {
            upload("clerk", caseId, "note" + i + ".txt", "text/plain", ("第" + i + "页 信件正文").getBytes(StandardCharsets.UTF_8), null)
                    .statusCode(201).body("mediaType", is("text/plain"));
        }
        upload("clerk", caseId, "note3.txt", "text/plain", "第3页".getBytes(StandardCharsets.UTF_8), null).statusCode(409)
                .body("detail", containsString("at most 3 attachments"));
        assertEquals(3, count("select count(*) from attachment where petition_id = ?", UUID.fromString(caseId)));
    }

    @Test
    void onlyTheHandlerChainAndTheOwnerSeeAttachments() {
        String caseId = petition("citizen");
        upload("citizen", caseId, "a.pdf", "application/pdf", PDF, null).statusCode(201);
        given().auth().oauth2(token("handler")).when().get("/api/petitions/" + caseId + "/attachments").then().statusCode(404);
        given().auth().oauth2(token("supervisor")).when().get("/api/petitions/" + caseId + "/attachments").then().statusCode(403);
        given().auth().oauth2(token("dispatcher")).when().get("/api/petitions/" + caseId + "/attachments").then().statusCode(200)
                .body("size()", is(1));
        String clerksCase = petition("clerk");
        upload("citizen", clerksCase, "a.pdf", "application/pdf", PDF, null).statusCode(404);
    }

    private static String petition(String user) {
        return given().auth().oauth2(token(user)).contentType("application/json")
                .body(petitionJson("citizen".equals(user) ? null : "LETTER").replace("加装电梯。", "加装电梯。" + UUID.randomUUID()))
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
    }

    private static io.restassured.response.ValidatableResponse upload(String user, String caseId, String fileName,
                                                                       String type, byte[] content, String sha256) {
        // browsers send the file name in UTF-8
        var request = given().config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8.name())))
                .auth().oauth2(token(user)).multiPart("file", fileName, content, type);
        if (sha256 != null) {
            request = request.multiPart("sha256", sha256);
        }
        return request.when().post("/api/petitions/" + caseId + "/attachments").then();
    }
}
