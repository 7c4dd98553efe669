package vn.loa.listening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import vn.loa.nlp.analyze.Register;

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

    /**
     * What the platform says of a post's register before it is read: news sites and web sites publish
     * news (or an agency's statements), the hotline and offices receive citizens' words, social networks
     * and forums carry mostly comments.
     */
    public Register.Hint registerHint() {
        return switch (this) {
            case NEWS, WEBSITE -> Register.Hint.NEWS;
            case HOTLINE, OFFICE -> Register.Hint.FEEDBACK;
            case FACEBOOK, YOUTUBE, TIKTOK, ZALO, FORUM -> Register.Hint.SOCIAL;
            case OTHER -> Register.Hint.UNKNOWN;
        };
    }

    /**
     * What the platform says of a post's register, knowing whether the post answers another: a reader's comment
     * under a news site's or a web site's article is not what the site publishes, and is read like a comment on a
     * social network.
     */
    public Register.Hint registerHint(boolean answers) {
        Register.Hint hint = registerHint();
        return answers && hint == Register.Hint.NEWS ? Register.Hint.SOCIAL : hint;
    }

    /**
     * What the platform and the source say of a post's register: on a source its administrator marked as citizens'
     * own posts (a residents' group, {@code post_source.citizens}), every post but hotline and office feedback reads
     * as a citizen's, whatever the platform.
     */
    public Register.Hint registerHint(boolean answers, boolean citizensSource) {
        Register.Hint hint = registerHint(answers);
        return citizensSource && hint != Register.Hint.FEEDBACK ? Register.Hint.CITIZENS : hint;
    }

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
