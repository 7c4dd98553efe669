package vn.loa.press;

/** What a crisis was opened from. */
public enum CrisisSource {
    /** A listening alert. */
    ALERT,
    /** A story in the news and social media. */
    STORY,
    /** A case of the misinformation desk. */
    CASE,
    /** By hand, from what the agency learnt otherwise. */
    MANUAL
}
