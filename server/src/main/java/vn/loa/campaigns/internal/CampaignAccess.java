package vn.loa.campaigns.internal;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/**
 * Who may see and do what in campaigns. Approvers are the agency's spokesperson (the head or the deputy who speaks for
 * it, who approves its statements already), the province's coordinators (the communication department) and leaders;
 * an officer writes but never approves, and nobody approves their own message.
 */
final class CampaignAccess {

    private CampaignAccess() {
    }

    static boolean seesProvinceWide(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN) || user.has(Role.LEADER);
    }

    static boolean staffOf(String agencyCode, SignedInUser user) {
        return (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.apiClient()) && agencyCode != null
                && agencyCode.equals(user.agencyCode());
    }

    static boolean mayAct(String agencyCode, SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN) || staffOf(agencyCode, user);
    }

    static boolean maySee(String agencyCode, SignedInUser user) {
        return seesProvinceWide(user) || staffOf(agencyCode, user);
    }

    static boolean mayApprove(String agencyCode, SignedInUser user) {
        return user.has(Role.LEADER) || user.has(Role.COORDINATOR)
                || (user.has(Role.SPOKESPERSON) && agencyCode != null && agencyCode.equals(user.agencyCode()));
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
