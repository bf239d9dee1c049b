package org.psi.contribution;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Catalogues;

/** The contribution-service's message catalogue: every key translated, every key the code names there. */
class MessagesTest {

    @Test
    void everyMessageHasItsChineseTranslationWithTheSameArguments() {
        Catalogues.assertModuleCatalogue("contribution");
    }

    @Test
    void everyKeyTheCodeNamesIsInTheCatalogue() {
        Catalogues.assertKeysOfSourcesExist(Path.of("src/main/java"), "contribution", "common");
    }
}
