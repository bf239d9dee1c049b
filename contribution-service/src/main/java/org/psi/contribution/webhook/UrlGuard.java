package org.psi.contribution.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point (server-side request forgery): outside the local and test profiles only
 * {@code https} to a host whose every address is public, checked when the subscription is made and
 * again before each delivery (a name may resolve elsewhere later); deliveries never follow redirects.
 */
final class UrlGuard {

    /** Why a URL is refused, as a message key; empty if it may be used. */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("contribution.webhook.url-syntax");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("contribution.webhook.url-syntax");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("contribution.webhook.https-only");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("contribution.webhook.unknown-host");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of("contribution.webhook.private-address");
            }
        }
        return Optional.empty();
    }

    /** Not loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10
                && first != 0 && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224;
    }

    private UrlGuard() {
    }
}
