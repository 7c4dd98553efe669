package vn.loa.campaigns;

import java.time.Instant;

/**
 * One channel version of a message, in Vietnamese.
 *
 * @param audioName the loudspeaker audio's file name, null when there is none
 * @param audioSynthetic whether that audio was made by speech synthesis (labelled so wherever it is shown)
 */
public record Version(long id, long messageId, VersionKind kind, String title, String body, String hashtags,
        String link, String audioName, String audioType, boolean audioSynthetic, String editedBy, Instant editedAt) {

    /** The opaque reference publishing keeps for it in a language ({@code vi}, {@code cjm}, {@code roc}). */
    public String source(String language) {
        return source(id, language);
    }

    /** The reference of a version in a language: {@code message-version:42} in Vietnamese, else with the language. */
    public static String source(long versionId, String language) {
        return "vi".equals(language) ? "message-version:" + versionId : "message-version:" + versionId + ":" + language;
    }
}
