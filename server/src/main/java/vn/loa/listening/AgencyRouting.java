package vn.loa.listening;

import java.util.List;

/**
 * Editable rules that route posts to the agencies responsible for what they talk about, in addition
 * to the agencies they name: a keyword ("bệnh viện", "BHYT") or a topic, per agency. Rules apply to
 * posts that arrive after they are made.
 */
public interface AgencyRouting {

    /**
     * A rule.
     *
     * @param kind KEYWORD or TOPIC
     */
    record Rule(long id, String agencyCode, String kind, String value, String createdBy) {
    }

    List<Rule> all();

    /** Adds a rule; an unknown agency, kind or an empty value is refused naming the field. */
    void add(String agencyCode, String kind, String value, String by);

    void remove(long id);
}
