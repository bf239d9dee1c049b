package org.psi.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "914403001922038216"})
    void acceptsValidCodes(String raw) {
        assertEquals(raw, CreditCode.parse(raw).value());
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4,INVALID_LENGTH",
            "91350100M000100I43,INVALID_CHARACTERS",
            "91350100M000100Y44,INVALID_CHECK_CHARACTER",
            "914403001922038217,INVALID_CHECK_CHARACTER",
    })
    void rejectsInvalidCodes(String raw, String code) {
        assertEquals(code, assertThrows(InvalidValueException.class, () -> CreditCode.parse(raw)).code());
    }
}
