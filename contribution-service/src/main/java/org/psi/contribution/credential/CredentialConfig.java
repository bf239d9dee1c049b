package org.psi.contribution.credential;

import io.smallrye.config.ConfigMapping;

/** The issuer of the SD-JWT VC credentials ({@code psi.credential.*}). */
@ConfigMapping(prefix = "psi.credential")
public interface CredentialConfig {

    /** The issuer identifier ({@code iss}): this service's public address, https and no path. */
    String issuer();
}
