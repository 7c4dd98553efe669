package vn.loa.shared;

/**
 * Identifies an organisational unit (an agency) in the effective-dated agency tree.
 *
 * @param value the database id; must be positive
 */
public record AgencyId(long value) {

    public AgencyId {
        if (value <= 0) {
            throw new IllegalArgumentException("agency id must be positive, was " + value);
        }
    }
}
