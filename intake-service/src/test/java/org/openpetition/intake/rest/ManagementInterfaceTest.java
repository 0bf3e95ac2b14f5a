package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;

/**
 * Metrics, OpenAPI and health are served on the management interface only: its own port, never the
 * public API port (docs/operations.md, "Health and metrics").
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class ManagementInterfaceTest {

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @TestHTTPResource(value = "swagger-ui/", management = true)
    URL swaggerUi;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Test
    void theManagementEndpointsAnswerOnTheManagementPort() {
        assertNotEquals(api.getPort(), metrics.getPort(), "the management interface has a port of its own");
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get(openapi).then().statusCode(200).body(containsString("/api/petitions"));
        given().when().get(swaggerUi).then().statusCode(200);
        given().when().get(ready).then().statusCode(200);
    }

    @Test
    void thePublicPortServesNoManagementEndpoint() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/health", "/q/health/ready"}) {
            given().when().get(path).then().statusCode(404);
        }
        // the API itself is still there (and still wants a token)
        given().when().get("/api/petitions/00000000-0000-0000-0000-000000000000").then().statusCode(401);
    }
}
