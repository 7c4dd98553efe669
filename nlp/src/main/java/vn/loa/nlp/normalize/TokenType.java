package vn.loa.nlp.normalize;

/** What a token is. */
public enum TokenType {
    /** Letters (a syllable, or a run of letters and digits). */
    WORD,
    /** Digits, possibly with separators: 2.000, 21/3/2023. */
    NUMBER,
    /** Punctuation and symbols. */
    PUNCTUATION,
    /** A web address. */
    URL,
    /** An e-mail address. */
    EMAIL,
    /** A Vietnamese telephone number. */
    PHONE,
    /** A mention of a user: @name. */
    MENTION,
    /** A hashtag: #name. */
    HASHTAG,
    /** One emoji, with its modifiers. */
    EMOJI,
    /** A text emoticon such as :) or &lt;3. */
    EMOTICON
}
