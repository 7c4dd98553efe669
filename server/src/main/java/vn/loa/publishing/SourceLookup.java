package vn.loa.publishing;

import java.util.Collection;
import java.util.Map;
import vn.loa.identity.SignedInUser;

/**
 * Names the opaque references a publication carries (its source, its campaign) for one reader. Implemented by the
 * modules that publish (campaigns), so that publishing does not depend on them; a page without an implementation, or
 * a reference none knows, shows a neutral label.
 */
public interface SourceLookup {

    /**
     * The name of a reference as a reader sees it.
     *
     * @param title what its author called it (a message's or a campaign's title): untrusted text, escaped where shown
     * @param kindKey a message-bundle key saying which of its versions it is (e.g. the SMS), null when none
     * @param path the page that shows it, null when none
     */
    record Name(String title, String kindKey, String path) {

        public Name {
            java.util.Objects.requireNonNull(title, "title must not be null");
        }
    }

    /**
     * The names of the references this lookup knows and the user may see, by reference; a reference it does not know,
     * or whose owner the user may not see, is left out.
     *
     * @param references the references, e.g. {@code message-version:42}, {@code campaign:7}; must not be null
     */
    Map<String, Name> names(Collection<String> references, SignedInUser user);
}
