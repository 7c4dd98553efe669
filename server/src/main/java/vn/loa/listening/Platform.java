package vn.loa.listening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a post was published. */
public enum Platform {
    /** Facebook posts and comments. */
    FACEBOOK,
    /** YouTube videos and comments. */
    YOUTUBE,
    /** TikTok videos and comments. */
    TIKTOK,
    /** Zalo posts and official accounts. */
    ZALO,
    /** Forums. */
    FORUM,
    /** News sites and their comments. */
    NEWS,
    /** The hotline: feedback received by telephone. */
    HOTLINE,
    /** Other web sites, including the province's portal. */
    WEBSITE,
    /** Feedback received at an office or by letter. */
    OFFICE,
    /** Anything else. */
    OTHER;

    /** The platform named by a text, ignoring case ("facebook", "Facebook"). */
    public static Optional<Platform> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(upper)).findFirst();
    }

    /** The names accepted, lower case, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    }
}
