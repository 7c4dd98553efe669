package vn.loa.home;

import vn.loa.identity.SignedInUser;

/** What needs a user today. */
public interface Agendas {

    /**
     * The user's agenda for today, in the given language (names of agencies and places, the issues' words); only what
     * the user may see. The user must not be null.
     */
    Agenda today(SignedInUser user, String language);
}
