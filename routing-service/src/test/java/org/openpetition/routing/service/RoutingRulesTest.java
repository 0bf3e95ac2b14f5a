package org.openpetition.routing.service;

import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.routing.RoutingDecision.Outcome;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryIndex;

/** Each routing rule over the demo directory (real division codes), without the broker. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class RoutingRulesTest {

    @Inject
    RoutingRules rules;

    @Inject
    DirectoryIndex index;

    private Decision decide(PetitionFacts p, String... returnedBy) {
        return rules.decide(p, Set.of(returnedBy), index.current());
    }

    private static PetitionFacts petition(String locality, String category) {
        return new PetitionFacts("SOLUTION_REQUEST", category, locality, null, null, false, null, false);
    }

    private static PetitionFacts accusation(String locality, String category, String accused) {
        return new PetitionFacts("ACCUSATION", category, locality, accused, null, false, null, false);
    }

    @Test
    void theShippedDirectoryHasEveryDivisionToTownshipLevel() {
        Directory directory = index.current();
        assertTrue(directory.divisionCount() >= 44_703, "provinces, cities, counties and townships are shipped");
        assertTrue(directory.knowsDivision("511703001"));
        assertTrue(directory.knowsDivision("110101"));
        assertFalse(directory.knowsDivision("999999"));
        assertEquals("四川省达州市达川区", directory.divisionName("511703"));
    }

    @Test
    void localityFirstAtTheLowestCompetentLevel() {
        Decision own = decide(petition("511703", "URBAN_HOUSING"));
        assertEquals(Outcome.ASSIGNED, own.outcome());
        assertEquals("511703-ZJJ", own.unit().code());
        assertTrue(own.reason().contains("属地管理、分级负责"), own.reason());
        assertTrue(own.reason().contains("谁主管、谁负责"), own.reason());
        assertTrue(own.reason().startsWith("属地管理、分级负责：四川省达州市达川区（511703）是信访事项发生地"), own.reason());
        assertTrue(own.reasonEn().startsWith("Territorial jurisdiction: 四川省达州市达川区 (511703) is where the matter arose"),
                own.reasonEn());

        // 亭子镇: the township government handles rural land first
        assertEquals("511703100-ZF", decide(petition("511703100", "RURAL_LAND")).unit().code());
        // 三里坪街道 has no unit for housing: the district's bureau
        assertEquals("511703-ZJJ", decide(petition("511703001", "URBAN_HOUSING")).unit().code());
        // mining is a city matter: 郸城县 climbs to 周口市
        Decision mining = decide(petition("411625001", "MINING"));
        assertEquals("4116-ZRZYJ", mining.unit().code());
        assertTrue(mining.reasonEn().contains("lowest level above"), mining.reasonEn());
        assertTrue(mining.reason().contains("以上有主管单位的最低一级"), mining.reason());
    }

    @Test
    void remitCoversTheChildrenOfItsGroup() {
        Decision pollution = decide(petition("450326", "POLLUTION"));
        assertEquals("450326-STHJJ", pollution.unit().code());
        assertTrue(pollution.reasonEn().contains("through its group") && pollution.reasonEn().contains("(ENVIRONMENT)"),
                pollution.reasonEn());
        assertEquals("411602-ZJJ", decide(petition("411602", "HOUSE_EXPROPRIATION")).unit().code());
    }

    @Test
    void unknownDivisionOrCategoryWaitsForADispatcher() {
        Decision unknown = decide(petition("519999", "URBAN_HOUSING"));
        assertEquals(Outcome.DISPATCHER_QUEUE, unknown.outcome());
        assertTrue(unknown.reason().contains("519999"), unknown.reason());
        Decision nobody = decide(petition("450326", "SPACE_TRAVEL"));
        assertEquals(Outcome.DISPATCHER_QUEUE, nobody.outcome());
        assertTrue(nobody.reason().contains("SPACE_TRAVEL"), nobody.reason());
        // a village of a township whose villages are not imported: routed from the township
        Decision village = decide(petition("411622101201", "EDUCATION"));
        assertEquals("411622-JYJ", village.unit().code());
    }

    @Test
    void legalChannelMattersAreDiverted() {
        for (String category : new String[] {"LITIGATION", "ARBITRATION", "ADMINISTRATIVE_RECONSIDERATION", "IN_JUDICIAL_PROCEEDINGS"}) {
            Decision d = decide(petition("411625", category));
            assertEquals(Outcome.DIVERTED, d.outcome(), category);
            assertNull(d.unit());
            assertTrue(d.reason().contains("诉访分离"), d.reason());
        }
        Decision arbitration = decide(petition("411625", "ARBITRATION"));
        assertEquals(LegalChannel.ARBITRATION, arbitration.legalChannel());
        assertTrue(arbitration.reason().contains("劳动人事争议仲裁委员会"), arbitration.reason());
        assertTrue(arbitration.reasonEn().contains("arbitration commission"), arbitration.reasonEn());
        // diversion comes before the accusation rule
        assertEquals(Outcome.DIVERTED, decide(accusation("511703", "LITIGATION", "511703-ZJJ")).outcome());
        // the group itself (政法) is not a legal channel: the competent unit
        assertEquals("411625-ZFW", decide(petition("411625", "LAW_AND_LITIGATION")).unit().code());
    }

    @Test
    void accusationGoesToTheDisciplineBodyAndNeverToTheAccusedLine() {
        Decision county = decide(accusation("511703", "URBAN_HOUSING", "511703-ZJJ"));
        assertEquals("511703-JW", county.unit().code());
        assertTrue(county.reason().contains("保护检举人"), county.reason());

        // accused: 达州市住建局. 达川区住建局 is under it and 达川区纪委监委 is below its level: 达州市纪委监委
        Decision city = decide(accusation("511703", "URBAN_HOUSING", "5117-ZJJ"));
        assertEquals("5117-JW", city.unit().code());

        // accused: 达川区纪委监委 itself: the body one level up, which supervises it
        assertEquals("5117-JW", decide(accusation("511703", "DISCIPLINE", "511703-JW")).unit().code());

        // accused: 达州市纪委监委; its line covers 达川区纪委监委 too: the province's
        assertEquals("51-JW", decide(accusation("511703", "DISCIPLINE", "5117-JW")).unit().code());

        // no accused unit named: the discipline body of the petition's locality
        assertEquals("450326-JW", decide(accusation("450326100", "EDUCATION", null)).unit().code());
    }

    @Test
    void accusationWithoutADisciplineBodyGoesToACompetentUnitOutsideTheAccusedLine() {
        // every discipline body up the line already returned it: the remit rule, without the accused's line
        Decision d = decide(accusation("511703", "URBAN_HOUSING", "5117-ZJJ"), "5117-JW", "51-JW");
        assertEquals(Outcome.ASSIGNED, d.outcome());
        assertEquals("51-ZJJ", d.unit().code(), d.reason());
        Decision none = decide(accusation("511703", "URBAN_HOUSING", "51-ZJJ"), "51-JW");
        assertEquals(Outcome.DISPATCHER_QUEUE, none.outcome(), "every housing unit is in the accused line");
    }

    @Test
    void skipLevelPetitionsAreFlaggedAndReferredDown() {
        PetitionFacts toProvince = new PetitionFacts("SOLUTION_REQUEST", "URBAN_HOUSING", "511703001", null, "51", false, null, false);
        Decision skip = decide(toProvince);
        assertEquals("511703-ZJJ", skip.unit().code());
        assertTrue(skip.skipLevel());
        assertTrue(skip.reason().contains("越级"), skip.reason());

        PetitionFacts toCity = new PetitionFacts("SOLUTION_REQUEST", "URBAN_HOUSING", "511703001", null, "5117", false, null, false);
        Decision oneUp = decide(toCity);
        assertFalse(oneUp.skipLevel(), "逐级走访: one level up is allowed");
        assertTrue(oneUp.reason().contains("逐级走访"), oneUp.reason());

        PetitionFacts sameLevel = new PetitionFacts("SOLUTION_REQUEST", "URBAN_HOUSING", "511703", null, "511703", false, null, false);
        assertFalse(decide(sameLevel).skipLevel());
        PetitionFacts elsewhere = new PetitionFacts("SOLUTION_REQUEST", "URBAN_HOUSING", "511703", null, "45", false, null, false);
        assertFalse(decide(elsewhere).skipLevel(), "another province is not above the competent level");

        // intake sends division codes as clerks write them: 510000 is the province 51
        PetitionFacts padded = PetitionFacts.of(new org.openpetition.contracts.event.PetitionSubmittedV1(java.util.UUID.randomUUID(),
                "XF-T", "VISIT", "SOLUTION_REQUEST", "URBAN_HOUSING", "511703", "t", "c", null, 1, java.time.Instant.now(), null,
                false, null, "510000", null), org.openpetition.routing.service.AccusedResolver.Resolved.NOBODY);
        assertEquals("51", padded.addressedToLocality());
        assertTrue(decide(padded).skipLevel(), "a visit to the provincial office about a county matter is 越级");
    }

    @Test
    void collectivePetitionsAndThreeHouseholdsGetAnOwningLeader() {
        PetitionFacts collective = new PetitionFacts("SOLUTION_REQUEST", "WAGE_ARREARS", "511703", null, null, true, null, false);
        Decision d = decide(collective);
        assertEquals("511703-RSJ", d.unit().code());
        assertEquals("511703-L01", d.owningLeader().id());
        assertTrue(d.reason().contains("领导包案"), d.reason());

        PetitionFacts households = new PetitionFacts("SOLUTION_REQUEST", "MINING", "411625", null, null, false, 3, false);
        assertEquals("4116-L01", decide(households).owningLeader().id(), "the leader of the competent (city) level");

        PetitionFacts two = new PetitionFacts("SOLUTION_REQUEST", "EDUCATION", "411625", null, null, false, 2, false);
        assertNull(decide(two).owningLeader());

        // 四川省 has no leader in the demo directory: a provincial collective matter waits for a dispatcher
        PetitionFacts provincial = new PetitionFacts("SOLUTION_REQUEST", "EDUCATION", "51", null, null, true, null, false);
        assertEquals(Outcome.DISPATCHER_QUEUE, decide(provincial).outcome());
    }

    @Test
    void unitsThatReturnedTheCaseAreNotChosenAgain() {
        Decision d = decide(petition("511703", "URBAN_HOUSING"), "511703-ZJJ");
        assertEquals("5117-ZJJ", d.unit().code());
        assertTrue(d.reason().startsWith("退回"), d.reason());
        Decision none = decide(petition("511703", "URBAN_HOUSING"), "511703-ZJJ", "5117-ZJJ", "51-ZJJ");
        assertEquals(Outcome.DISPATCHER_QUEUE, none.outcome());
    }

    private AccusedResolver.Resolved resolve(String unitCode, String unitName, String official, String locality) {
        return AccusedResolver.resolve(index.current(),
                new org.openpetition.contracts.event.PetitionSubmittedV1.Accused(unitCode, unitName, official, null), locality);
    }

    @Test
    void anAccusedUnitGivenByNameIsFoundInTheDirectory() {
        assertEquals("5117-ZJJ", resolve(null, "达州市住房和城乡建设局", null, "511703001").unitCode(), "exact");
        assertEquals("5117-ZJJ", resolve(null, " 达州市\u3000住房和城乡建设局。", null, "511703001").unitCode(), "normalised");
        assertEquals("511703-ZJJ", resolve(null, "住房和城乡建设局", null, "511703001").unitCode(),
                "searched: the lowest level of the petition's chain first");
        assertEquals("511703-ZJJ", resolve("NO-SUCH-CODE", "达川区住房和城乡建设局", null, "511703").unitCode(),
                "an unknown code falls back to the name");
        assertEquals("5117-JW", resolve("5117-JW", "达川区住房和城乡建设局", null, "511703").unitCode(), "a known code wins");
        assertNull(resolve(null, "某某物业公司", null, "511703").unitCode());
        assertNull(resolve(null, "局", null, "511703").unitCode(), "too short to search");
        assertEquals("511703-L01", resolve(null, null, "陈立新", "511703001").leaderId(), "the official among the leaders");
        assertNull(resolve(null, null, "张三", "511703").leaderId());
    }

    @Test
    void anUnresolvedAccusedUnitNeverSendsTheAccusationToAUnitChosenBySubject() {
        Decision d = decide(accusation("511703", "URBAN_HOUSING", null), "511703-JW", "5117-JW", "51-JW");
        assertEquals(Outcome.DISPATCHER_QUEUE, d.outcome(), d.reason());
        assertFalse(d.reason().contains("511703-ZJJ"), d.reason());
    }

    @Test
    void reasonsNeverNameTheAccusedAndTheAccusedOfficialNeverOwnsTheCase() {
        PetitionFacts collective = new PetitionFacts("ACCUSATION", "URBAN_HOUSING", "511703", "511703-ZJJ", null, true, null,
                false, "511703-L01");
        Decision d = decide(collective);
        assertEquals("511703-JW", d.unit().code(), d.reason());
        assertFalse(d.reason().contains("511703-ZJJ") || d.reason().contains("住房和城乡建设局"), d.reason());
        assertFalse(d.reasonEn().contains("511703-ZJJ") || d.reasonEn().contains("住房和城乡建设局"), d.reasonEn());
        assertEquals("511703-L02", d.owningLeader().id(), "the accused official 511703-L01 is passed over");
    }

    @Test
    void eachReasonIsAWholeChineseTextAndAWholeEnglishText() {
        PetitionFacts collective = new PetitionFacts("SOLUTION_REQUEST", "POLLUTION", "411625001", null, "41", true, null, false);
        PetitionFacts[] petitions = {collective, petition("411625001", "MINING"), petition("411625", "ARBITRATION"),
                petition("450326", "SPACE_TRAVEL"), accusation("511703", "URBAN_HOUSING", "5117-ZJJ")};
        for (PetitionFacts p : petitions) {
            Decision d = decide(p);
            assertEquals(d.reasons().size(), d.reason().split("；").length, d.reason());
            assertEquals(d.reasons().size(), d.reasonEn().split("; ").length, d.reasonEn());
            // the Chinese text: no English words outside the codes in brackets
            String chinese = d.reason().replaceAll("（[^）]*）", "");
            assertFalse(chinese.matches("(?s).*[A-Za-z]{2,}.*"), d.reason());
            // the English text: no Chinese outside the names of places, units and leaders, which stay as they are
            String english = d.reasonEn().replaceAll("[\\p{IsHan}]+[^(]*\\([^)]*\\)", "");
            assertFalse(english.matches("(?s).*\\p{IsHan}.*"), d.reasonEn());
        }
    }
}
