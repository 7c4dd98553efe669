package vn.loa.resources;

import vn.loa.identity.AgencyKind;

/**
 * What a directive asks of every agency of a kind.
 *
 * @param directiveId the directive, null for a requirement entered without one
 * @param directiveNumber its number and symbol as written ("1234/UBND-VXNV"), null without a directive
 * @param clause where in the directive, may be null
 */
public record Requirement(long id, Long directiveId, String directiveNumber, String clause, AgencyKind agencyKind,
        RequirementKind kind, int minimum, String note) {
}
