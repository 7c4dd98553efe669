package vn.loa.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Names the identifiers of one kind that a module owns, for {@link DisplayNames}: contributed as a bean by that
 * module, as navigation items are.
 */
public interface NameSource {

    /** The kind of identifier it names: one of the {@code DisplayNames.*} constants. */
    String kind();

    /** The name of the thing with that identifier in the given language, if there is one; the identifier is never blank. */
    Optional<String> name(String id, Locale locale);
}
