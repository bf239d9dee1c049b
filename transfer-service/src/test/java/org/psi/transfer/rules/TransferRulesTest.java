package org.psi.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sex;
import org.psi.transfer.application.Route;

/** The temporary-account rule and the place-of-claim rule of the 2009 pension measures. */
class TransferRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final RegionCode GUANGDONG = new RegionCode("440000");
    private static final RegionCode SHENZHEN_COUNTY = new RegionCode("440305");
    private static final RegionCode SHANGHAI = new RegionCode("310000");
    private static final RegionCode JIANGSU = new RegionCode("320000");

    private static TemporaryAccountRule.Decision rule(Scheme scheme, Sex sex, int age, RegionCode hukou, RegionCode to) {
        return TemporaryAccountRule.evaluate(scheme, sex, TODAY.minusYears(age), hukou, JIANGSU, to, TODAY);
    }

    @Test
    void aManOf50MovingAwayFromHisHukouProvinceGetsATemporaryAccount() {
        TemporaryAccountRule.Decision d = rule(Scheme.PENSION, Sex.MALE, 50, SHENZHEN_COUNTY, SHANGHAI);
        assertTrue(d.applies());
        assertEquals(Route.TEMPORARY, d.route());
        assertTrue(d.reason().contains("440000"), d.reason());
        assertFalse(rule(Scheme.PENSION, Sex.MALE, 49, SHENZHEN_COUNTY, SHANGHAI).applies());
    }

    @Test
    void aWomanOf40MovingAwayFromHerHukouProvinceGetsATemporaryAccount() {
        assertTrue(rule(Scheme.PENSION, Sex.FEMALE, 40, SHENZHEN_COUNTY, SHANGHAI).applies());
        assertFalse(rule(Scheme.PENSION, Sex.FEMALE, 39, SHENZHEN_COUNTY, SHANGHAI).applies());
    }

    @Test
    void movingToTheHukouProvinceMovesEverythingWhateverTheAge() {
        TemporaryAccountRule.Decision d = rule(Scheme.PENSION, Sex.MALE, 58, SHENZHEN_COUNTY, GUANGDONG);
        assertFalse(d.applies());
        assertTrue(d.reason().contains("household-registration province"), d.reason());
    }

    @Test
    void theRuleIsAPensionRule() {
        assertFalse(rule(Scheme.MEDICAL, Sex.MALE, 58, SHENZHEN_COUNTY, new RegionCode("310100")).applies());
    }

    @Test
    void aBirthdayTomorrowDoesNotCountYet() {
        LocalDate birth = TODAY.plusDays(1).minusYears(50);
        assertFalse(TemporaryAccountRule.evaluate(Scheme.PENSION, Sex.MALE, birth, SHENZHEN_COUNTY, JIANGSU, SHANGHAI, TODAY).applies());
    }

    @Test
    void thePensionIsClaimedInTheHukouProvinceWhenTheRelationshipIsThere() {
        PensionClaimRule.ClaimPlace p = PensionClaimRule.decide(SHENZHEN_COUNTY, GUANGDONG, Map.of("440000", 12), List.of("440000"));
        assertEquals("440000", p.region());
        assertEquals(PensionClaimRule.Basis.HUKOU_PROVINCE, p.basis());
    }

    @Test
    void otherwiseWhereTheRelationshipIsWithTenYearsThere() {
        PensionClaimRule.ClaimPlace p = PensionClaimRule.decide(SHENZHEN_COUNTY, SHANGHAI, Map.of("310000", 120), List.of("310000"));
        assertEquals("310000", p.region());
        assertEquals(PensionClaimRule.Basis.RELATIONSHIP_TEN_YEARS, p.basis());
    }

    @Test
    void otherwiseTheLastProvinceWithTenYears() {
        PensionClaimRule.ClaimPlace p = PensionClaimRule.decide(SHENZHEN_COUNTY, SHANGHAI,
                Map.of("430000", 130, "320000", 125, "310000", 20), List.of("430000", "320000", "310000"));
        assertEquals("320000", p.region());
        assertEquals(PensionClaimRule.Basis.LAST_TEN_YEARS, p.basis());
    }

    @Test
    void withTenYearsNowhereTheHukouProvince() {
        PensionClaimRule.ClaimPlace p = PensionClaimRule.decide(SHENZHEN_COUNTY, SHANGHAI,
                Map.of("320000", 119, "310000", 60), List.of("320000", "310000"));
        assertEquals("440000", p.region());
        assertEquals(PensionClaimRule.Basis.HUKOU_FALLBACK, p.basis());
    }

    @Test
    void theMinimumRisesFromFifteenToTwentyYearsFrom2030() {
        assertEquals(180, PensionClaimRule.minimumMonthsToDraw(2026));
        assertEquals(180, PensionClaimRule.minimumMonthsToDraw(2029));
        assertEquals(186, PensionClaimRule.minimumMonthsToDraw(2030));
        assertEquals(240, PensionClaimRule.minimumMonthsToDraw(2039));
        assertEquals(240, PensionClaimRule.minimumMonthsToDraw(2045));
    }
}
