package org.psi.common.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks of a message catalogue, for each module's own test: the English file and the Chinese one
 * ({@code _zh_CN}) have the same keys and each key the same arguments; every pattern is a valid
 * {@link MessageFormat} whose apostrophes are doubled; every key a source file names exists.
 */
public final class Catalogues {

    /** {0}, {1}, ... of a MessageFormat, {min} of Bean Validation; not the ${...} of an expression. */
    private static final Pattern ARGUMENT = Pattern.compile("(?<!\\$)\\{(\\w+)}");
    /**
     * A key literal of a source file: "enrollment.worker.not-found", or "{enrollment.worker.phone-format}" of a
     * constraint. A key has at least three segments, so an event's name ("enrollment.opened") is not one.
     */
    private static final String KEY_LITERAL = "\"\\{?((?:%s)\\.[a-z0-9-]+\\.[A-Za-z0-9_.-]*[A-Za-z0-9])}?\"";

    private Catalogues() {
    }

    /** The keys and patterns of one file of a catalogue, as written (no parent bundle). */
    public static Properties load(String baseName, String suffix) {
        String path = baseName.replace('.', '/') + suffix + ".properties";
        try (InputStream in = Catalogues.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "no " + path + " on the class path");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every key of the English catalogue {@code baseName} has a Chinese translation and the other way
     * round, with the same arguments; {@code messageFormat}: the patterns are MessageFormat ones
     * (PSI's catalogues; Bean Validation's are not).
     */
    public static void assertComplete(String baseName, boolean messageFormat) {
        Properties english = load(baseName, "");
        Properties chinese = load(baseName, "_zh_CN");
        assertTrue(!english.isEmpty(), baseName + " is empty");
        Set<String> untranslated = new TreeSet<>(english.stringPropertyNames());
        untranslated.removeAll(chinese.stringPropertyNames());
        assertEquals(Set.of(), untranslated, "keys of " + baseName + " without a zh_CN translation");
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), onlyChinese, "keys of " + baseName + "_zh_CN that English lacks");
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (!arguments(en).equals(arguments(zh))) {
                wrong.add(key + ": English has the arguments " + arguments(en) + ", Chinese " + arguments(zh));
            }
            if (zh.isBlank()) {
                wrong.add(key + ": the Chinese text is empty");
            }
            if (messageFormat) {
                for (String pattern : List.of(en, zh)) {
                    if (pattern.replace("''", "").indexOf('\'') >= 0) {
                        wrong.add(key + ": a lone apostrophe (write it twice, '') in " + pattern);
                    }
                    try {
                        new MessageFormat(pattern);
                    } catch (IllegalArgumentException e) {
                        wrong.add(key + ": not a MessageFormat pattern: " + pattern);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "patterns of " + baseName);
    }

    /** A PSI catalogue {@code org.psi.<module>.messages}: complete, and its keys start with {@code <module>.}. */
    public static void assertModuleCatalogue(String module) {
        String baseName = "org.psi." + module + ".messages";
        assertComplete(baseName, true);
        List<String> flat = load(baseName, "").stringPropertyNames().stream()
                .filter(k -> k.split("\\.").length < 3).sorted().toList();
        assertEquals(List.of(), flat, "keys of " + baseName + " with fewer than three segments (module.topic.name)");
        List<String> foreign = load(baseName, "").stringPropertyNames().stream()
                .filter(k -> !k.startsWith(module + ".")).sorted().toList();
        assertEquals(List.of(), foreign, "keys of " + baseName + " name another module");
    }

    /**
     * Every catalogue key that a Java source under {@code sources} names as a literal (of one of
     * {@code modules}) is in that module's English catalogue. A key built at run time
     * ({@code "common.status." + status}) is not seen here: its test is the caller's.
     */
    public static void assertKeysOfSourcesExist(Path sources, String... modules) {
        Pattern literal = Pattern.compile(KEY_LITERAL.formatted(String.join("|", modules)));
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    found++;
                    String module = key.substring(0, key.indexOf('.'));
                    if (!load("org.psi." + module + ".messages", "").containsKey(key)) {
                        missing.add(key + " (" + sources.relativize(file) + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(found > 0, "no message key found under " + sources);
        assertEquals(List.of(), missing, "keys named in the sources but not in the catalogue");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> names = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
