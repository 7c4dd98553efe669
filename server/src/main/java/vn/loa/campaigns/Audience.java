package vn.loa.campaigns;

/** Whom a campaign must reach, beyond the general public. */
public enum Audience {
    /** people aged 60 and over */
    ELDERLY,
    /** people with disabilities */
    DISABLED,
    /** ethnic minorities (in Khánh Hòa chiefly Chăm and Raglai) */
    ETHNIC_MINORITIES,
    /** remote and mountainous communes */
    REMOTE_COMMUNES,
    /** the communes chosen on the campaign */
    CHOSEN_COMMUNES
}
