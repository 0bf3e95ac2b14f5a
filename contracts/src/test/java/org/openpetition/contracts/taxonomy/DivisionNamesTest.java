package org.openpetition.contracts.taxonomy;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DivisionNamesTest {

    private final DivisionNames names = DivisionNames.shipped();

    @Test
    void aCodeIsNamedProvinceFirstDownToTheCounty() {
        assertEquals("四川省", names.fullName("51"));
        assertEquals("四川省达州市", names.fullName("5117"));
        assertEquals("四川省达州市达川区", names.fullName("511703"));
        assertEquals("四川省达州市达川区", names.fullName("511703001"), "a street is named by its county");
    }

    @Test
    void groupingsAreLeftOutOfTheName() {
        assertEquals("北京市东城区", names.fullName("110101"), "市辖区 is no place");
        assertEquals("河南省济源市", names.fullName("419001"), "省直辖县级行政区划 neither");
    }

    @Test
    void unknownOrMalformedCodesHaveNoName() {
        assertNull(names.fullName(""));
        assertNull(names.fullName(null));
        assertNull(names.fullName("99"));
        assertNull(names.fullName("51x7"));
        assertEquals("四川省", names.fullName("5199"), "an unknown city keeps the province's name");
    }
}
