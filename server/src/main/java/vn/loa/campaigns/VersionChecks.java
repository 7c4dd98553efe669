package vn.loa.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.loa.nlp.AccentFolding;
import vn.loa.shared.SmsSegments;

/**
 * The checks and figures of one channel version, computed on the server (the page's script shows the same figures as
 * one types). Pure and thread-safe.
 */
public final class VersionChecks {

    private final CampaignSettings settings;

    public VersionChecks(CampaignSettings settings) {
        this.settings = settings;
    }

    /**
     * What a version's text gives.
     *
     * @param characters the characters of the text
     * @param sms the SMS count, for an SMS version
     * @param plainSms the diacritic-free text and its count, for an SMS version with diacritics
     * @param readingSeconds the loudspeaker's reading time, for a loudspeaker version
     * @param problems message keys of what does not fit, with the field {@code body}
     */
    public record Figures(int characters, SmsSegments.Count sms, String plainSms, SmsSegments.Count plainCount,
            Integer syllables, Integer readingSeconds, List<String> problems) {
    }

    /** The figures of a text for a kind of version. */
    public Figures of(VersionKind kind, String text) {
        String t = text == null ? "" : text;
        int characters = t.codePointCount(0, t.length());
        List<String> problems = new ArrayList<>();
        SmsSegments.Count sms = null;
        String plain = null;
        SmsSegments.Count plainCount = null;
        Integer syllables = null;
        Integer seconds = null;
        switch (kind) {
            case SMS -> {
                sms = SmsSegments.count(t, settings.smsPricePerSegment());
                if (sms.encoding() == SmsSegments.Encoding.UCS_2) {
                    plain = AccentFolding.stripDiacritics(t);
                    plainCount = SmsSegments.count(plain, settings.smsPricePerSegment());
                }
            }
            case LOUDSPEAKER -> {
                syllables = syllables(t);
                seconds = (int) Math.ceil(syllables * 60.0 / settings.syllablesPerMinute());
            }
            case SOCIAL_POST, ZALO_POST -> {
                if (characters > limit(kind)) {
                    problems.add("campaigns.check.social-too-long");
                }
            }
            case BILLBOARD -> {
                List<String> lines = lines(t);
                if (lines.size() > settings.billboardMaxLines()) {
                    problems.add("campaigns.check.billboard-lines");
                }
                if (lines.stream().anyMatch(l -> l.codePointCount(0, l.length()) > settings.billboardMaxChars())) {
                    problems.add("campaigns.check.billboard-line-length");
                }
            }
            default -> {
            }
        }
        return new Figures(characters, sms, plain, plainCount, syllables, seconds, problems);
    }

    /** The longest text of a social network's version, 0 for the other kinds. */
    public int limit(VersionKind kind) {
        return switch (kind) {
            case SOCIAL_POST -> settings.facebookMaxLength();
            case ZALO_POST -> settings.zaloMaxLength();
            default -> 0;
        };
    }

    /** The text a social post is published with (and counted by): the body, its hashtags and its link. */
    public static String socialText(String body, String hashtags, String link) {
        return (body == null ? "" : body) + (hashtags == null || hashtags.isBlank() ? "" : "\n\n" + hashtags)
                + (link == null || link.isBlank() ? "" : "\n" + link);
    }

    /** The text a version is published with and checked by. */
    public static String published(Version v) {
        return v.kind() == VersionKind.SOCIAL_POST || v.kind() == VersionKind.ZALO_POST
                ? socialText(v.body(), v.hashtags(), v.link()) : v.body();
    }

    /** The lines of a billboard text, blank ones left out. */
    public static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Written Vietnamese separates syllables by spaces: each run of letters or digits is one syllable read aloud. */
    public static int syllables(String text) {
        int n = 0;
        for (String word : text.split("[\\s\\p{Punct}–—…“”]+")) {
            if (!word.isEmpty()) {
                n++;
            }
        }
        return n;
    }
}
