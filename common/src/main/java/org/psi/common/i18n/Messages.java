package org.psi.common.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jboss.logging.Logger;

/**
 * The message catalogues of PSI: plain {@code java.util.ResourceBundle} properties files (UTF-8),
 * one per module, {@code org/psi/<module>/messages.properties} (English, the default) beside
 * {@code messages_zh_CN.properties} (Simplified Chinese). A key names its catalogue by its first
 * segment: {@code common.not-found.title} is in {@code org/psi/common/messages*.properties},
 * {@code enrollment.already-enrolled} in {@code org/psi/enrollment/messages*.properties}. A pattern is a
 * {@link MessageFormat} with {0}, {1}, ... (an apostrophe is written twice, {@code ''}); the
 * arguments are strings, so a number is written as the code gave it.
 *
 * <p>Chosen over Qute message bundles: a properties file per language is read by anyone (and by
 * translation tools), a key and its arguments are all a throw site names, and the same files
 * serve a unit test, a log line and an answer. A key missing in Chinese falls back to English, a key
 * missing everywhere shows the key; {@code Catalogues} in common's tests refuses both.
 */
public final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class);

    /** No fallback to the JVM's default locale: English is the root bundle, whatever the machine's locale. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The catalogue (base name) holding {@code key}: {@code org.psi.<first segment>.messages}. */
    public static String catalogueOf(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("A message key starts with its module: " + key);
        }
        return "org.psi." + key.substring(0, dot) + ".messages";
    }

    /** Whether {@code key} is in the English catalogue. */
    public static boolean exists(String key) {
        try {
            return bundle(catalogueOf(key), Languages.ENGLISH).containsKey(key);
        } catch (MissingResourceException | IllegalArgumentException e) {
            return false;
        }
    }

    static String format(Message m, Locale locale) {
        Object[] args = m.args().stream().map(a -> a instanceof Message n ? n.in(locale) : a).toArray();
        String pattern = pattern(m.key(), locale);
        return pattern == null ? m.key() : new MessageFormat(pattern, locale).format(args);
    }

    /** The pattern of {@code key} in {@code locale} (English where the locale has none), or null. */
    public static String pattern(String key, Locale locale) {
        try {
            return bundle(catalogueOf(key), locale).getString(key);
        } catch (MissingResourceException | IllegalArgumentException e) {
            LOG.warnf("No message %s in the catalogues", key);
            return null;
        }
    }

    static ResourceBundle bundle(String baseName, Locale locale) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return ResourceBundle.getBundle(baseName, locale, context, CONTROL);
            } catch (MissingResourceException e) {
                // a thread whose context loader does not see the catalogue: the one of this class
            }
        }
        return ResourceBundle.getBundle(baseName, locale, Messages.class.getClassLoader(), CONTROL);
    }
}
