package org.psi.common.stats;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One classification variable of a {@link StatTable}: region, scheme, platform, sex, age band...
 *
 * <p>A dimension is <em>flat</em> (every value sits directly under the total {@link StatTable#ALL}) or
 * <em>hierarchical</em> (a value has a parent value: a pooling region sits under its province, the
 * province under the total). Every value together with the values one level below it forms a
 * line of the table, which {@link Suppression} protects.
 *
 * <p>A dimension is <em>exclusive</em> when each person counts under exactly one of its values at each
 * level (sex, age band): then the cells of a line add up to its total. It is <em>overlapping</em> when
 * a person may count under several values (a worker with consents of two platforms, enrolled in two
 * schemes): then the cells of a line add up to more than the total. An overlapping dimension may
 * become exclusive once another dimension is fixed: a worker has one region <em>per scheme</em>, so
 * region is overlapping only where the line does not fix the scheme.
 */
public final class Dimension {

    private final String name;
    private final UnaryOperator<String> parentOf;
    private final boolean overlapping;
    private final String exclusiveWhenFixed;

    private Dimension(String name, UnaryOperator<String> parentOf, boolean overlapping, String exclusiveWhenFixed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A dimension has a name");
        }
        this.name = name;
        this.parentOf = parentOf;
        this.overlapping = overlapping;
        this.exclusiveWhenFixed = exclusiveWhenFixed;
    }

    /** A flat, exclusive dimension: each person counts under exactly one value. */
    public static Dimension of(String name) {
        return new Dimension(name, null, false, null);
    }

    /**
     * The same dimension with a hierarchy: {@code parentOf} gives the value one level up, or
     * {@link StatTable#ALL} (or null) for a top-level value. It is never called with {@code ALL}.
     */
    public Dimension withHierarchy(UnaryOperator<String> parentOf) {
        return new Dimension(name, Objects.requireNonNull(parentOf), overlapping, exclusiveWhenFixed);
    }

    /** The same dimension where a person may count under several values. */
    public Dimension overlapping() {
        return new Dimension(name, parentOf, true, null);
    }

    /**
     * The same dimension, overlapping unless the dimension {@code other} is fixed (not {@code ALL}) in
     * the line: then each person counts under exactly one value.
     */
    public Dimension overlappingUnlessFixed(String other) {
        return new Dimension(name, parentOf, true, Objects.requireNonNull(other));
    }

    public String name() {
        return name;
    }

    public boolean isHierarchical() {
        return parentOf != null;
    }

    /** Whether a person may count under several values of this dimension (in some lines at least). */
    public boolean isOverlapping() {
        return overlapping;
    }

    /** The dimension whose fixing makes this one exclusive, or null. */
    public String exclusiveWhenFixed() {
        return exclusiveWhenFixed;
    }

    /** The value one level up: {@link StatTable#ALL} for a top-level value. */
    public String parentOf(String value) {
        if (StatTable.ALL.equals(value)) {
            throw new IllegalArgumentException("The total of " + name + " has no parent");
        }
        if (parentOf == null) {
            return StatTable.ALL;
        }
        String parent = parentOf.apply(value);
        if (parent == null) {
            return StatTable.ALL;
        }
        if (parent.equals(value)) {
            throw new IllegalArgumentException("The value " + value + " of " + name + " is its own parent");
        }
        return parent;
    }

    @Override
    public String toString() {
        return name;
    }
}
