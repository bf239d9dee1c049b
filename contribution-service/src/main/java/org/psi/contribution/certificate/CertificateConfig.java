package org.psi.contribution.certificate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The keys that sign contribution certificates ({@code psi.certificate.*}). */
@ConfigMapping(prefix = "psi.certificate")
public interface CertificateConfig {

    /** The issuer named in every certificate. */
    String issuer();

    /** A JWK set with the private keys: the active one signs, all of them verify. */
    String jwks();

    /** The key id that signs new certificates. */
    @WithName("active-kid")
    String activeKid();

    /** How long a certificate is valid. */
    @WithName("validity-days")
    int validityDays();
}
