package vn.loa.resources;

/** What a staff member does for the agency's policy communication. */
public enum Duty {

    /** The agency's spokesperson (Decree 09/2017); the registry of record is the press desk's. */
    SPOKESPERSON,
    /** An officer working on communication (cán bộ làm công tác truyền thông chính sách). */
    COMMUNICATION_OFFICER,
    /** The leader in charge of the work (lãnh đạo phụ trách). */
    LEADER_IN_CHARGE
}
