package vn.loa.identity;

/** The kind of an organisational unit. */
public enum AgencyKind {

    /** A province's (or centrally governed city's) People's Committee. */
    PROVINCE,
    /** A department or equivalent body of the provincial People's Committee. */
    DEPARTMENT,
    /** A district-level unit: city, town or district (abolished in July 2025). */
    DISTRICT,
    /** A commune-level unit: commune, ward, township or special zone. */
    COMMUNE,
    /** A press agency: newspaper, radio and television. */
    PRESS,
    /** The police. */
    POLICE,
    /** The border guard. */
    BORDER_GUARD,
    /** A mass organisation: the Fatherland Front, unions, associations. */
    MASS_ORGANISATION,
    /** Any other body. */
    OTHER;

    /** The last day district-level units existed: the level was abolished from 01/07/2025. */
    public static final java.time.LocalDate LAST_DAY_OF_DISTRICTS = java.time.LocalDate.of(2025, 6, 30);
}
