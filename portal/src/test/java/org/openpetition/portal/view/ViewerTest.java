package org.openpetition.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The menu follows the platform roles of the token; Keycloak's own roles change nothing. */
class ViewerTest {

    private static List<String> menu(String... roles) {
        return new Viewer("someone", Set.of(roles)).menu().stream().map(Viewer.MenuItem::href).toList();
    }

    @Test
    void aSelfRegisteredAccountIsAPetitioner() {
        Viewer viewer = new Viewer("someone", Set.of("default-roles-petition", "offline_access"));
        assertTrue(viewer.petitioner());
        assertFalse(viewer.staff());
        assertEquals(List.of("/submit", "/my", "/my/inbox", "/my/preferences", "/account"), menu("default-roles-petition"));
    }

    @Test
    void staffGetTheirTasksAndNoPetitionerPages() {
        assertEquals(List.of("/work/cases", "/account"), menu("handler", "default-roles-petition"));
        assertEquals(List.of("/work/queue", "/work/cases", "/account"), menu("dispatcher"));
        assertEquals(List.of("/work/board", "/work/circular", "/work/indicators", "/work/daily", "/account"), menu("supervisor"));
        assertEquals(List.of("/work/cases?owned=true", "/work/indicators", "/work/daily", "/account"), menu("leader"));
        assertEquals(List.of("/work/register", "/work/registrations", "/account"), menu("clerk"));
        assertFalse(new Viewer("someone", Set.of("open311-client")).petitioner(), "a client system is no petitioner");
    }

    @Test
    void aChineseNameIsWrittenFamilyNameFirst() {
        assertEquals("张三", Viewer.displayName("张", "三", "三 张", "citizen"));
        assertEquals("Ann Lee", Viewer.displayName("Lee", "Ann", "Ann Lee", "ann"));
        assertEquals("ann", Viewer.displayName(null, null, null, "ann"));
    }

    @Test
    void nobodySignedInHasNoMenu() {
        Viewer anonymous = new Viewer(null, Set.of());
        assertFalse(anonymous.signedIn());
        assertFalse(anonymous.petitioner());
        assertEquals(List.of(), anonymous.menu());
    }
}
