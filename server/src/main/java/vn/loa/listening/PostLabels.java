package vn.loa.listening;

import java.util.List;
import vn.loa.nlp.classify.Prediction;

/**
 * The labels a post carries, as stored, searched and filtered; the message bundles name each one
 * ({@code sentiment.negative}, {@code register.comment}, {@code domain.health}, ...).
 */
public final class PostLabels {

    /** Sentiments: the model's three, and {@code unclear} when its answer is right only about half the time. */
    public static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive", Prediction.UNCLEAR);

    /** The sentiments an officer may correct a post to (a person is never unsure on the model's behalf). */
    public static final List<String> CORRECTABLE_SENTIMENTS = SENTIMENTS.subList(0, 3);

    /** The register of citizens' comments: their tone is opinion, counted apart from the news's tone. */
    public static final String COMMENT = "comment";

    /** Registers: a citizen's comment, a news report, an official statement. */
    public static final List<String> REGISTERS = List.of(COMMENT, "news", "official");

    /** The registers whose tone is the press's and the authorities', not citizens' opinion. */
    public static final List<String> NEWS_REGISTERS = List.of("news", "official");

    /** Policy domains, each tied to the agencies that own it; {@code other} for the rest. */
    public static final List<String> DOMAINS = List.of("health", "education", "land_environment", "transport",
            "labour_social", "agriculture", "public_order", "administrative", "economy_prices", "culture_tourism", "other");

    /** Toxicity: clean, offensive, hateful (ViHSD's classes); the model's answer is always one of them. */
    public static final List<String> TOXICITIES = List.of("CLEAN", "OFFENSIVE", "HATE");

    private PostLabels() {
    }
}
