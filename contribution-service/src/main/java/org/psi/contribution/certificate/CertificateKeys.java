package org.psi.contribution.certificate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate signing keys, read from configuration once: a JWK set of EC P-256 private keys,
 * one of them active. Rotation: add a key, make it active, keep the previous one in the set for as
 * long as certificates it signed must verify. Only public halves ever leave this class.
 */
@ApplicationScoped
public class CertificateKeys {

    private final JWKSet keys;
    private final ECKey active;
    private final Map<String, Object> published;

    public CertificateKeys(CertificateConfig config) {
        try {
            this.keys = JWKSet.parse(config.jwks());
        } catch (ParseException e) {
            throw new IllegalStateException("psi.certificate.jwks is not a JWK set", e);
        }
        for (JWK k : keys.getKeys()) {
            if (!(k instanceof ECKey ec) || !ec.isPrivate() || k.getKeyID() == null || k.getKeyID().length() > CertificateDtos.MAX_KID) {
                throw new IllegalStateException("Every certificate key is an EC private key with a kid of at most " + CertificateDtos.MAX_KID + " characters");
            }
        }
        JWK a = keys.getKeyByKeyId(config.activeKid());
        if (a == null) {
            throw new IllegalStateException("psi.certificate.active-kid " + config.activeKid() + " is not in psi.certificate.jwks");
        }
        this.active = (ECKey) a;
        this.published = keys.toPublicJWKSet().toJSONObject(true);
    }

    public ECKey active() {
        return active;
    }

    public JWSAlgorithm algorithm() {
        return JWSAlgorithm.ES256;
    }

    /** The public key with this id, for verifying. */
    public Optional<ECKey> publicKey(String kid) {
        JWK k = kid == null ? null : keys.getKeyByKeyId(kid);
        return k == null ? Optional.empty() : Optional.of(((ECKey) k).toPublicJWK());
    }

    /** The JWK set of the public keys, as published at /.well-known/jwks.json. */
    public Map<String, Object> publishedJwks() {
        return published;
    }
}
