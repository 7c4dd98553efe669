package vn.loa.platform;

import java.util.Set;

/**
 * An entry in the shell's navigation, contributed as a bean by the module that owns the page.
 *
 * @param messageKey the message bundle key of the label; must not be blank
 * @param path the page's path; must start with "/"
 * @param order the position, lower first
 * @param roles the roles that see it; empty means every signed-in user
 */
public record NavigationItem(String messageKey, String path, int order, Set<String> roles) {

    public NavigationItem {
        if (messageKey == null || messageKey.isBlank()) {
            throw new IllegalArgumentException("navigation item needs a message key");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("navigation path must start with '/', was " + path);
        }
        roles = Set.copyOf(roles);
    }
}
