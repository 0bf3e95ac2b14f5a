package org.openpetition.routing.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;

/** A change made through another replica (here: straight in the database) reaches this replica's index. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class DirectoryIndexTest {

    @Inject
    DirectoryIndex index;

    @Inject
    DataSource dataSource;

    @Test
    void aChangeWithANewVersionIsPickedUpWithinTheRefreshInterval() throws Exception {
        long before = index.current().version();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into department (code, name, locality_code, email, kind, supervising_code) values ('411602-SJJ',"
                    + " '周口市川汇区审计局', '411602', '411602-sjj@dept.demo.openpetition.local', 'DEPARTMENT', null)");
            s.execute("insert into department_remit (department_code, subject_category) values ('411602-SJJ', 'OTHER')");
            s.execute("update directory_version set version = version + 1");
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> index.current().unit("411602-SJJ").isPresent());
        assertTrue(index.current().version() > before);
        assertEquals("周口市川汇区审计局", index.current().unit("411602-SJJ").orElseThrow().name());
    }
}
