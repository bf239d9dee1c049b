package org.psi.common.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.NationalId;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.common.test.Catalogues;

class MessagesTest {

    @Test
    void commonCatalogueIsTranslatedWithTheSameArguments() {
        Catalogues.assertModuleCatalogue("common");
    }

    @Test
    void beanValidationMessagesAreTranslated() {
        Catalogues.assertComplete("ValidationMessages", false);
    }

    @Test
    void everyKeyCommonNamesExists() {
        Catalogues.assertKeysOfSourcesExist(Path.of("src/main/java"), "common");
        for (int status : List.of(400, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416,
                417, 428, 429, 431)) {
            assertTrue(Messages.exists("common.status." + status), "common.status." + status);
        }
        for (Scheme s : Scheme.values()) {
            assertEquals(s.name(), s.label().english(), "the English name of a scheme is its code");
        }
    }

    @Test
    void theCheckFailsOnAnUntranslatedKeyOrOtherArguments() {
        AssertionError untranslated = assertThrows(AssertionError.class,
                () -> Catalogues.assertComplete("org.psi.common.i18n.broken", true));
        assertTrue(untranslated.getMessage().contains("common.only-english"), untranslated.getMessage());
        AssertionError arguments = assertThrows(AssertionError.class,
                () -> Catalogues.assertComplete("org.psi.common.i18n.arguments", true));
        assertTrue(arguments.getMessage().contains("common.two-arguments"), arguments.getMessage());
        assertTrue(arguments.getMessage().contains("common.apostrophe"), arguments.getMessage());
    }

    @Test
    void aMessageIsWrittenInTheLanguageAskedForWithItsArgumentsAsGiven() {
        Message m = Message.of("common.stats.max-months", 12000);
        assertEquals("A query spans at most 12000 months", m.english());
        assertEquals("一次查询最多跨 12000 个月", m.in(Languages.CHINESE));
        assertEquals("This client is not a reader of this service's events", Message.of("common.events.not-a-reader").english());
        InvalidValueException pooled = assertThrows(InvalidValueException.class,
                () -> PoolingRegions.requirePooling("440100", Scheme.PENSION, "toRegion"));
        assertEquals("PENSION pools at province level; 440100 is not a pooling region of it (try 440000)", pooled.getMessage());
        assertEquals("养老保险实行省级统筹；440100 不是其统筹地区（可改用 440000）", pooled.message().in(Languages.CHINESE));
        assertEquals("a.key-that-is-not-there", Message.of("a.key-that-is-not-there").in(Languages.CHINESE));
    }

    @Test
    void aProblemKeepsItsTypeAndCodesInEveryLanguage() {
        InvalidValueException id = assertThrows(InvalidValueException.class,
                () -> NationalId.parse("11010519491231002", java.time.LocalDate.of(2026, 1, 1)));
        ProblemException p = ProblemException.validation(List.of(
                org.psi.common.api.InvalidField.of(id.field(), id.code(), id.message())));
        var en = p.toProblem(Languages.ENGLISH);
        var zh = p.toProblem(Languages.CHINESE);
        assertEquals(en.type(), zh.type());
        assertEquals(en.errors().get(0).code(), zh.errors().get(0).code());
        assertEquals("Invalid request", en.title());
        assertEquals("请求无效", zh.title());
        assertEquals("公民身份号码为 18 位", zh.detail());
        assertEquals("A citizen ID number has 18 characters", p.getMessage());
        assertFalse(RegionCode.parse("110000", "region").toString().isEmpty());
    }

    @Test
    void acceptLanguagePicksTheFirstLanguagePsiHas() {
        assertEquals(Languages.ENGLISH, Languages.of((String) null));
        assertEquals(Languages.ENGLISH, Languages.of(""));
        assertEquals(Languages.ENGLISH, Languages.of("en-US"));
        assertEquals(Languages.ENGLISH, Languages.of("*"));
        assertEquals(Languages.ENGLISH, Languages.of("fr, de;q=0.5"));
        assertEquals(Languages.ENGLISH, Languages.of("zh-TW"));
        assertEquals(Languages.ENGLISH, Languages.of("zh-Hant-HK"));
        assertEquals(Languages.ENGLISH, Languages.of(";;;q=x"));
        assertEquals(Languages.CHINESE, Languages.of("zh-CN"));
        assertEquals(Languages.CHINESE, Languages.of("zh"));
        assertEquals(Languages.CHINESE, Languages.of("zh-Hans"));
        assertEquals(Languages.CHINESE, Languages.of("zh-Hans-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Languages.CHINESE, Languages.of("fr, zh-CN;q=0.5"));
        assertEquals(Languages.CHINESE, Languages.of("zh-TW, zh-CN;q=0.8, en;q=0.5"));
        assertEquals(Languages.CHINESE, Languages.of("en;q=0.5, zh;q=0.8"));
        assertEquals(Languages.ENGLISH, Languages.of("en, zh-CN;q=0.9"));
        assertEquals(Languages.ENGLISH, Languages.of("zh-CN;q=0, en;q=0.1"));
        assertEquals(Languages.ENGLISH, Languages.of("zh-CN;q=0"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Languages.CHINESE);
    }
}
