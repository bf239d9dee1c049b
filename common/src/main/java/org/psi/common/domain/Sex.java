package org.psi.common.domain;

/** Sex as encoded by the sequence digits of a citizen ID number: odd is male, even is female. */
public enum Sex {
    MALE, FEMALE
}
