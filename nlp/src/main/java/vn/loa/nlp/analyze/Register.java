package vn.loa.nlp.analyze;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The register of a text: a news report, an official statement or a citizen's comment. Tone reads
 * differently in each (a news report of an accident is not public anger), so Loa keeps them apart.
 */
public enum Register {

    /** A news report: a newspaper's, a broadcaster's or a news site's text. */
    NEWS("news"),
    /** An official statement: an agency's notice, decision, press release or answer. */
    OFFICIAL("official"),
    /** A citizen's comment: a social-media post or comment, feedback by hotline or at an office. */
    COMMENT("comment");

    /** What the source says about a text before it is read. */
    public enum Hint {
        /** What a news site, a newspaper's feed or an agency's web site publishes (not its readers' comments). */
        NEWS,
        /**
         * A social network, a chat group, a forum or readers' comments under an article: mostly comments, sometimes
         * news pages' posts.
         */
        SOCIAL,
        /** Feedback received by hotline or in person: a citizen's words. */
        FEEDBACK,
        /**
         * A source of citizens' own posts, as its administrator says (a residents' group, a local forum): comments,
         * unless a post has an official statement's form. Well-written comments ("Mẹ tôi 76 tuổi, có được cấp thẻ BHYT
         * không?") read like news to the register model, which learnt comments from social-media chatter.
         */
        CITIZENS,
        /** Nothing is known of the source. */
        UNKNOWN
    }

    /** Phrases that open an official statement or name its form. */
    private static final Pattern OFFICIAL_OPENING = Pattern.compile(
            "^(thông báo|thông cáo|căn cứ|kính gửi|quyết định|chỉ thị|công văn|"
                    + "(ubnd|ủy ban nhân dân|uỷ ban nhân dân)[^.!?]{0,40} (thông báo|đề nghị|yêu cầu|khuyến cáo))");
    private static final Pattern OFFICIAL_FORM = Pattern.compile(
            "(thông cáo báo chí|trân trọng thông báo|căn cứ (luật|nghị định|quyết định|thông tư)|đề nghị các cơ quan, đơn vị)");

    private final String id;

    Register(String id) {
        this.id = id;
    }

    /** The register's name in data and on the command line: {@code news}, {@code official} or {@code comment}. */
    public String id() {
        return id;
    }

    /** The register with that name. */
    public static Register of(String id) {
        for (Register register : values()) {
            if (register.id.equals(id)) {
                return register;
            }
        }
        throw new IllegalArgumentException("register must be news, official or comment, was '" + id + "'");
    }

    /**
     * Decides the register from the source's hint and the text: feedback is a comment; an official
     * statement is known by its form; otherwise the source decides, and where it cannot (a social
     * network, an unknown source) the text does: {@code newsProbability} is the register model's
     * probability that the text reads as a news report.
     */
    public static Register decide(Hint hint, String text, double newsProbability) {
        if (hint == Hint.FEEDBACK) {
            return COMMENT;
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        String head = lower.length() > 80 ? lower.substring(0, 80) : lower;
        boolean official = OFFICIAL_FORM.matcher(lower).find() || OFFICIAL_OPENING.matcher(head).find();
        return switch (hint) {
            case NEWS -> official ? OFFICIAL : NEWS;
            case CITIZENS -> official ? OFFICIAL : COMMENT;
            // on a social network an official statement is an agency's page posting it, which reads formally
            case SOCIAL -> official && newsProbability >= 0.5 ? OFFICIAL : newsProbability >= 0.8 ? NEWS : COMMENT;
            default -> official ? OFFICIAL : newsProbability >= 0.5 ? NEWS : COMMENT;
        };
    }
}
