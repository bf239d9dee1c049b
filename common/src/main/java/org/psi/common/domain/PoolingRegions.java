package org.psi.common.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psi.common.i18n.Message;

/**
 * The reference list of pooling regions, read from {@code pooling-regions.csv}: every province
 * (pension and occupational injury pool there) and the prefecture-level cities PSI serves
 * (medical insurance pools there).
 */
public final class PoolingRegions {

    /** The most pooling regions, and the longest name, the data file may hold (the OpenAPI documents state both). */
    public static final int MAX_REGIONS = 1000;
    public static final int NAME_MAX = 100;

    private static final Map<String, PoolingRegion> BY_CODE = load();

    private PoolingRegions() {
    }

    public static List<PoolingRegion> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static Optional<PoolingRegion> find(RegionCode code) {
        return Optional.ofNullable(BY_CODE.get(code.value()));
    }

    /** Whether {@code code} is a pooling region of {@code scheme}. */
    public static boolean pools(RegionCode code, Scheme scheme) {
        return find(code).map(r -> r.pools(scheme)).orElse(false);
    }

    /**
     * Validates a region code the caller gave and requires its province to be known. Any county
     * or city code of a known province is accepted (a household registration may be anywhere).
     */
    public static RegionCode requireKnown(String raw, String field) {
        RegionCode code = RegionCode.parse(raw, field);
        if (!BY_CODE.containsKey(code.province().value())) {
            throw new InvalidValueException(field, "UNKNOWN_REGION", "common.region.unknown-province", code.province());
        }
        return code;
    }

    /** Validates a region code and requires it to be a pooling region of {@code scheme}. */
    public static RegionCode requirePooling(String raw, Scheme scheme, String field) {
        RegionCode code = requireKnown(raw, field);
        if (!pools(code, scheme)) {
            String level = scheme.poolingLevel().name().toLowerCase();
            RegionCode suggestion = scheme.poolingRegionOf(code);
            Message hint = !suggestion.equals(code) && pools(suggestion, scheme)
                    ? Message.of("common.region.try", suggestion) : Message.of("common.region.give-" + level);
            throw new InvalidValueException(field, "NOT_A_POOLING_REGION", "common.region.not-pooling-" + level,
                    scheme.label(), code, hint);
        }
        return code;
    }

    private static Map<String, PoolingRegion> load() {
        Map<String, PoolingRegion> regions = new LinkedHashMap<>();
        try (var in = PoolingRegions.class.getResourceAsStream("/pooling-regions.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] cols = line.split(",");
                RegionCode code = new RegionCode(cols[0].strip());
                List<Scheme> schemes = new ArrayList<>();
                for (String s : cols[2].strip().split(";")) {
                    schemes.add(Scheme.valueOf(s));
                }
                String name = cols[1].strip();
                if (name.length() > NAME_MAX) {
                    throw new IllegalStateException("pooling-regions.csv: the name of " + code + " is over " + NAME_MAX + " characters");
                }
                regions.put(code.value(), new PoolingRegion(code, name, code.level(),
                        Collections.unmodifiableSet(EnumSet.copyOf(schemes))));
            }
            if (regions.size() > MAX_REGIONS) {
                throw new IllegalStateException("pooling-regions.csv has more than " + MAX_REGIONS + " regions");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(regions);
    }
}
