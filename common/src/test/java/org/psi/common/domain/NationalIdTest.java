package org.psi.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void acceptsTheExamplesOfTheStandard() {
        NationalId a = NationalId.parse("11010519491231002X", TODAY);
        assertEquals(LocalDate.of(1949, 12, 31), a.birthDate());
        assertEquals(Sex.FEMALE, a.sex());
        assertEquals("110105", a.addressCode().value());

        NationalId b = NationalId.parse("440524188001010014", TODAY);
        assertEquals(LocalDate.of(1880, 1, 1), b.birthDate());
        assertEquals(Sex.MALE, b.sex());
    }

    @Test
    void normalisesALowercaseX() {
        assertEquals("11010519491231002X", NationalId.parse("11010519491231002x", TODAY).value());
    }

    @Test
    void masksAllButTheLastFour() {
        NationalId id = NationalId.parse("11010519491231002X", TODAY);
        assertEquals("**************002X", id.masked());
        assertEquals("**************002X", id.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "1101051949123100,INVALID_LENGTH",
            "11010519491231002X1,INVALID_LENGTH",
            "1101051949123100AX,INVALID_CHARACTERS",
            "11010519491231002Y,INVALID_CHARACTERS",
            "110105194902300021,INVALID_BIRTH_DATE",
            "110105194913010021,INVALID_BIRTH_DATE",
            "110105209901010021,FUTURE_BIRTH_DATE",
            "110105194912310021,INVALID_CHECK_CHARACTER",
    })
    void rejects(String raw, String code) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NationalId.parse(raw, TODAY));
        assertEquals(code, e.code());
        assertEquals("nationalId", e.field());
    }

    @Test
    void checkCharacterMatchesTheStandardForGeneratedIds() {
        String first17 = "44030019900307123";
        char check = NationalId.checkCharacter(first17);
        NationalId id = NationalId.parse(first17 + check, TODAY);
        assertEquals(Sex.MALE, id.sex());
    }
}
