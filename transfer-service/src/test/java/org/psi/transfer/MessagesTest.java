package org.psi.transfer;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Catalogues;

/** The transfer-service's message catalogue: every key translated, every key the code names there. */
class MessagesTest {

    @Test
    void everyMessageHasItsChineseTranslationWithTheSameArguments() {
        Catalogues.assertModuleCatalogue("transfer");
    }

    @Test
    void everyKeyTheCodeNamesIsInTheCatalogue() {
        Catalogues.assertKeysOfSourcesExist(Path.of("src/main/java"), "transfer", "common");
    }
}
