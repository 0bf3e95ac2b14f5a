package org.openpetition.contracts.taxonomy;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectCategoriesTest {

    @Test
    void shippedTaxonomyHasGroupsAndCategories() {
        SubjectCategories taxonomy = SubjectCategories.shipped();
        assertEquals(List.of("FOOD_SAFETY", "MARKET_REGULATION"), taxonomy.lineage("FOOD_SAFETY"));
        assertEquals("住房保障与城镇住房", taxonomy.find("URBAN_HOUSING").orElseThrow().chinese());
        assertTrue(taxonomy.isActive("OTHER"));
        assertFalse(taxonomy.isActive("NO_SUCH_CATEGORY"));
        assertTrue(taxonomy.all().size() > 20);
        // every code the demo directory's remits use is in the taxonomy
        for (String code : List.of("URBAN_HOUSING", "PROPERTY_MANAGEMENT", "URBAN_CONSTRUCTION", "RURAL_LAND", "LAND_RESOURCES",
                "WAGE_ARREARS", "LABOUR_SOCIAL_SECURITY", "ENVIRONMENT", "EDUCATION", "HEALTH", "PUBLIC_SECURITY",
                "CIVIL_AFFAIRS", "MARKET_REGULATION", "FOOD_SAFETY")) {
            assertTrue(taxonomy.isActive(code), code);
        }
    }

    @Test
    void quotedFieldsKeepTheirCommasAndCommentsAreSkipped() throws Exception {
        SubjectCategories taxonomy = parse("# a comment, with a comma\nA,,true,\"甲，乙\",\"Land, water and \"\"air\"\"\"\n");
        assertEquals("甲，乙", taxonomy.find("A").orElseThrow().chinese());
        assertEquals("Land, water and \"air\"", taxonomy.find("A").orElseThrow().english());
    }

    @Test
    void retiredCodesAreKnownButNotActive() throws Exception {
        SubjectCategories taxonomy = parse("A,,true,甲,A\nB,A,false,乙,B\n");
        assertTrue(taxonomy.find("B").isPresent());
        assertFalse(taxonomy.isActive("B"));
        assertEquals(List.of("B", "A"), taxonomy.lineage("B"));
    }

    @Test
    void rejectsAChildBeforeItsParentAndDuplicates() {
        assertThrows(IllegalStateException.class, () -> parse("B,A,true,乙,B\nA,,true,甲,A\n"));
        assertThrows(IllegalStateException.class, () -> parse("A,,true,甲,A\nA,,true,甲,A\n"));
        assertThrows(IllegalStateException.class, () -> parse("A,true,甲\n"));
    }

    private static SubjectCategories parse(String csv) throws Exception {
        return SubjectCategories.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
