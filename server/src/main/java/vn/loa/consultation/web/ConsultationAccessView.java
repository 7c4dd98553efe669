package vn.loa.consultation.web;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/** Whether a page offers an action: the services check again, this only hides what the user may not do. */
final class ConsultationAccessView {

    private ConsultationAccessView() {
    }

    static boolean mayAct(String agencyCode, SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN)
                || (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON)) && agencyCode != null
                        && agencyCode.equals(user.agencyCode());
    }
}
