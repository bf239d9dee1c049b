// Verifies a PSI credential presentation with the @sd-jwt packages (an implementation PSI did not
// write), for the end-to-end test CredentialIT. Reads {presentation, jwks, nonce?, statusLists}
// as JSON on stdin (statusLists: the status list tokens the test fetched, by their uri), writes
// {ok, claims, kb} or {ok: false, error} as JSON on stdout.
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest } from '@sd-jwt/crypto-nodejs';

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (c) => { s += c; });
  process.stdin.on('end', () => resolve(s));
}));

const part = (jwt, i) => JSON.parse(Buffer.from(jwt.split('.')[i], 'base64url').toString('utf8'));
const byKid = (data) => input.jwks.keys.find((k) => k.kid === part(data + '.', 0).kid);
const credentialJwt = input.presentation.split('~')[0];

const sdjwt = new SDJwtVcInstance({
  hasher: digest,
  hashAlg: 'sha-256',
  verifier: async (data, sig) => {
    const key = byKid(data);
    return key !== undefined && (await ES256.getVerifier(key))(data, sig);
  },
  kbVerifier: async (data, sig) => {
    const cnf = part(credentialJwt, 1).cnf;
    return cnf !== undefined && (await ES256.getVerifier(cnf.jwk))(data, sig);
  },
  statusListFetcher: async (uri) => {
    if (!(uri in input.statusLists)) throw new Error('no status list ' + uri);
    return input.statusLists[uri];
  },
  loadTypeMetadataFormat: false,
});

try {
  const options = input.nonce ? { keyBindingNonce: input.nonce } : {};
  const result = await sdjwt.verify(input.presentation, options);
  const claims = await sdjwt.getClaims(input.presentation);
  process.stdout.write(JSON.stringify({ ok: true, claims, kb: result.kb ? result.kb.payload : null }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e && e.message ? e.message : e) }));
}
