package vn.loa.transparency;

import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * Each agency's catalogue of what it must disclose proactively (Art. 17-19; Decree 13/2018, Art. 6 and 11): an
 * item is due by a date, published on a date at a place (the portal, its address), and reviewed by a date. An item
 * not published by its due date, or not reviewed by its review date, is overdue. Officers keep their agency's;
 * coordinators every agency's; the published items are public.
 */
public interface DisclosureCatalogue {

    /** The agency's items (every agency's for coordinators and leaders), overdue first, then by due date. */
    List<Item> items(SignedInUser user);

    /**
     * Adds an item.
     *
     * @throws vn.loa.shared.InvalidInput naming the field: {@code agencyCode}, {@code title}, {@code category},
     *         {@code dueOn}, {@code reviewOn}
     */
    Item add(NewItem item, SignedInUser user);

    /**
     * Records that an item was published, where, and when it is to be reviewed next.
     *
     * @throws vn.loa.shared.InvalidInput naming the field: {@code publishedOn} (missing or in the future),
     *         {@code place}, {@code url} (not an http or https address), {@code reviewOn}
     */
    Item published(long id, Publication publication, SignedInUser user);

    /** The published items of every agency, for the public portal, newest first. */
    List<Item> publicItems();

    record NewItem(String agencyCode, String title, DisclosureCategory category, LocalDate dueOn, LocalDate reviewOn) {
    }

    record Publication(LocalDate publishedOn, String place, String url, LocalDate reviewOn) {
    }

    /**
     * An item of the catalogue.
     *
     * @param overdue not published by its due date, or not reviewed by its review date (as of today)
     */
    record Item(long id, String agencyCode, String title, DisclosureCategory category, LocalDate dueOn,
            LocalDate publishedOn, String place, String url, LocalDate reviewOn, boolean overdue) {
    }
}
