package org.psi.enrollment.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.psi.common.domain.Sector;

/** A platform's sectors, stored comma-separated. */
@Converter
public class SectorsConverter implements AttributeConverter<Set<Sector>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Sector> sectors) {
        return sectors.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<Sector> convertToEntityAttribute(String column) {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(Sector::valueOf).forEach(sectors::add);
        return sectors;
    }
}
