package org.psi.contribution.insured;

import java.util.UUID;

/** Who a record belongs to, as a certificate names them: the name and the citizen ID's last 4 characters. */
public record Holder(UUID workerId, String name, String nationalIdLast4) {

    /** The citizen ID as PSI shows it to anyone but an officer with a reason. */
    public String nationalIdMasked() {
        return "*".repeat(14) + nationalIdLast4;
    }
}
