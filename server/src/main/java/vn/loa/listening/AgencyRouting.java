package vn.loa.listening;

import java.util.List;
import vn.loa.shared.Actor;

/**
 * Editable rules that route posts to the agencies responsible for what they talk about, in addition
 * to the agencies they name: a keyword ("bệnh viện", "BHYT"), a news topic or a policy domain
 * ("health"), per agency. Rules apply to posts that arrive after they are made.
 */
public interface AgencyRouting {

    /**
     * A rule.
     *
     * @param kind KEYWORD, TOPIC or DOMAIN
     */
    record Rule(long id, String agencyCode, String kind, String value, String createdBy) {
    }

    List<Rule> all();

    /**
     * Adds a rule, recorded in the audit trail; an unknown agency, kind or domain, or an empty value, is refused
     * naming the field.
     */
    void add(String agencyCode, String kind, String value, Actor by);

    /** Removes a rule, recorded in the audit trail; a rule that is not there is left alone. */
    void remove(long id, Actor by);
}
