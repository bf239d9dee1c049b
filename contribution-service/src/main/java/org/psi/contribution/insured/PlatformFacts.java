package org.psi.contribution.insured;

import java.util.Set;
import org.psi.common.domain.Sector;
import org.psi.contribution.ledger.Payers;

/** The platform that sent a feed, as registered in the enrollment-service. */
public record PlatformFacts(String code, String name, Set<Sector> sectors) {

    /** The ledger source and payer name of this platform: {@code platform:<code>}. */
    public String source() {
        return Payers.platform(code);
    }
}
