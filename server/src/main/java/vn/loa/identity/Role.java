package vn.loa.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do in Loa. A user may hold several roles. */
public enum Role {

    /** Manages users, agencies, sources and settings; reads the audit trail. */
    ADMIN,
    /** Chair or vice-chair of the People's Committee: dashboards, digests, reports. */
    LEADER,
    /** The Department of Information and Communications: sees the whole province, triages, assigns. */
    COORDINATOR,
    /** An agency's communication focal point: sees and answers for its own agency only. */
    OFFICER,
    /** An agency's spokesperson or head: approves statements and content. */
    SPOKESPERSON,
    /** A journalist of a press agency: receives releases, sends enquiries. */
    PRESS;

    /** The roles that act for one agency and therefore need one. */
    public static final Set<Role> AGENCY_SCOPED = EnumSet.of(OFFICER, SPOKESPERSON, PRESS);
}
