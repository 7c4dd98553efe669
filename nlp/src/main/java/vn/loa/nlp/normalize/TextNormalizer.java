package vn.loa.nlp.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.nlp.Syllables;

/**
 * Normalises Vietnamese social-media text into typed tokens that keep their offsets in the original
 * text: NFC, one tone-mark placement, lower case, elongations undone ("quáaaa" -> "quá"), teencode
 * expanded ("ko" -> "không"), and URLs, e-mail addresses, phone numbers, mentions, hashtags, emoji
 * and emoticons recognised as such. Thread-safe; its one piece of state is a bounded memo of the
 * normal forms of words met so far.
 */
public final class TextNormalizer {

    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?:\\+84|0)(?:[35789](?:[ .-]?\\d){8}|2(?:[ .-]?\\d){9})(?!\\d)");
    private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_.]*[\\p{L}\\p{N}_]");
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]*[\\p{L}\\p{N}]");
    private static final Pattern EMOTICON = Pattern.compile(
            "(?:[:;=8xX][-'^]?[)(\\]\\[DdPpVv3oO/|*]+|<3+|\\^_?\\^|-_-|T_T|>:\\()(?![\\p{L}\\p{N}])");

    private static final Map<String, String> EMOTICON_EMOJI = Map.ofEntries(
            Map.entry(":)", "🙂"), Map.entry(":(", "🙁"), Map.entry(":d", "😀"), Map.entry("<3", "❤"),
            Map.entry(";)", "😉"), Map.entry(":p", "😛"), Map.entry(":'(", "😢"), Map.entry("t_t", "😢"),
            Map.entry(":v", "😆"), Map.entry("=)", "😆"), Map.entry("^^", "😊"), Map.entry("^_^", "😊"),
            Map.entry("-_-", "😑"), Map.entry(":/", "😕"), Map.entry(":|", "😐"), Map.entry(":o", "😮"));

    private final Map<String, String> teencode;
    /**
     * The normal forms of words met so far: a few thousand syllables make most of any text, and
     * normalising one (NFC, tone marks, elongation, teencode) costs more than a look-up. Bounded.
     */
    private final vn.loa.nlp.Memo words = new vn.loa.nlp.Memo(50_000, this::normalWord);

    private TextNormalizer(Map<String, String> teencode) {
        this.teencode = Map.copyOf(teencode);
    }

    /** The normaliser with Loa's teencode table. */
    public static TextNormalizer standard() {
        try (InputStream in = TextNormalizer.class.getResourceAsStream("/vn/loa/nlp/lexicon/teencode.tsv")) {
            if (in == null) {
                throw new IllegalStateException("the teencode table is missing from the jar");
            }
            Map<String, String> table = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException("teencode.tsv line " + number + ": expected form<TAB>standard");
                }
                table.put(Normalizer.normalize(parts[0], Normalizer.Form.NFC), Normalizer.normalize(parts[1], Normalizer.Form.NFC));
            }
            return new TextNormalizer(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits and normalises a text. Any input gives tokens in order that never overlap. */
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int length = text.length();
        int i = 0;
        Matchers m = new Matchers(text);
        boolean mayHaveEmail = text.indexOf('@') > 0;
        while (i < length) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || isInvisible(c)) {
                i += Character.charCount(c);
                continue;
            }
            boolean boundary = i == 0 || !Character.isLetterOrDigit(text.codePointBefore(i));
            int end;
            if (boundary && (c == 'h' || c == 'H' || c == 'w' || c == 'W') && (end = match(m.url(), i)) > 0) {
                end = trimTrailingPunctuation(text, i, end);
                tokens.add(new Token(TokenType.URL, i, end, "<url>"));
            } else if (boundary && (c == '+' || c == '0') && (end = match(m.phone(), i)) > 0) {
                tokens.add(new Token(TokenType.PHONE, i, end, "<phone>"));
            } else if (mayHaveEmail && boundary && Character.isLetterOrDigit(c) && (end = match(m.email(), i)) > 0) {
                tokens.add(new Token(TokenType.EMAIL, i, end, "<email>"));
            } else if (boundary && c == '@' && (end = match(m.mention(), i)) > 0) {
                tokens.add(new Token(TokenType.MENTION, i, end, "<mention>"));
            } else if (boundary && c == '#' && (end = match(m.hashtag(), i)) > 0) {
                tokens.add(new Token(TokenType.HASHTAG, i, end, word(text.substring(i, end))));
            } else if (boundary && "：:;=8xX<^-T>".indexOf(c) >= 0 && (end = match(m.emoticon(), i)) > 0) {
                tokens.add(new Token(TokenType.EMOTICON, i, end, emoticon(text.substring(i, end))));
            } else if (isEmoji(c)) {
                end = i + Character.charCount(c);
                while (end < length && isEmojiModifier(text.codePointAt(end))) {
                    int modifier = text.codePointAt(end);
                    end += Character.charCount(modifier);
                    if (modifier == 0x200D && end < length && isEmoji(text.codePointAt(end))) {
                        end += Character.charCount(text.codePointAt(end));
                    }
                }
                tokens.add(new Token(TokenType.EMOJI, i, end, text.substring(i, end)));
            } else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                end = i;
                boolean letters = false;
                while (end < length) {
                    int d = text.codePointAt(end);
                    if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        letters |= Character.isLetter(d);
                        end += Character.charCount(d);
                    } else if (!letters && (d == '.' || d == ',' || d == '/' || d == ':') && end + 1 < length
                            && Character.isDigit(text.charAt(end + 1)) && end > i) {
                        end++;
                    } else {
                        break;
                    }
                }
                String raw = text.substring(i, end);
                if (letters) {
                    tokens.add(new Token(TokenType.WORD, i, end, word(raw)));
                } else {
                    tokens.add(new Token(TokenType.NUMBER, i, end, raw));
                }
            } else {
                end = i + Character.charCount(c);
                while (end < length && Character.getType(text.codePointAt(end)) == Character.NON_SPACING_MARK) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String raw = Character.isSurrogate(text.charAt(i)) && Character.charCount(c) == 1 ? "\uFFFD" : text.substring(i, end);
                tokens.add(new Token(TokenType.PUNCTUATION, i, end, Normalizer.normalize(raw, Normalizer.Form.NFC)));
            }
            i = end;
        }
        return tokens;
    }

    /** The normal forms of the text's tokens, joined by single spaces. */
    public String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (Token token : tokens(text)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(token.normal());
        }
        return out.toString();
    }

    /** The normal form of one word: NFC, canonical tone, lower case, elongation undone, teencode expanded. */
    String word(String raw) {
        return words.apply(raw);
    }

    private String normalWord(String raw) {
        String lower = ToneMarks.canonical(Normalizer.normalize(raw, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        String shortened = undoElongation(Normalizer.normalize(raw, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        String expanded = teencode.get(shortened);
        if (expanded == null && !shortened.equals(lower)) {
            expanded = teencode.get(lower);
        }
        return expanded != null ? expanded : shortened;
    }

    /**
     * Three or more of the same letter (ignoring diacritics) in a row become one: the one that carries
     * a diacritic if any ("quáaaa" -> "quá"), else the first. The result has canonical tone marks.
     */
    static String undoElongation(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int run = 1;
            while (i + run < word.length() && Character.isLetter(c)
                    && Syllables.fold(word.charAt(i + run)) == Syllables.fold(c)) {
                run++;
            }
            if (run < 3) {
                out.append(word, i, i + run);
            } else {
                char kept = c;
                for (int j = 0; j < run; j++) {
                    char candidate = word.charAt(i + j);
                    if (candidate != Syllables.fold(candidate)) {
                        kept = candidate;
                        break;
                    }
                }
                out.append(kept);
            }
            i += run;
        }
        return ToneMarks.canonical(out.toString());
    }

    private static String emoticon(String raw) {
        String key = raw.toLowerCase(Locale.ROOT).replace("-", "");
        if ((key.startsWith(":") || key.startsWith("=")) && (key.endsWith("))") || key.endsWith("]]"))) {
            return "😆";
        }
        if ((key.startsWith(":") || key.startsWith("=")) && key.endsWith("((")) {
            return "😢";
        }
        String collapsed = key.replaceAll("([)(\\]\\[dpv3o/|*])\\1+", "$1");
        if (collapsed.equals("=]") || collapsed.equals(":]")) {
            collapsed = "=)";
        }
        return EMOTICON_EMOJI.getOrDefault(collapsed, raw);
    }

    /** The regular expressions' matchers over one text, made only when first needed. */
    private static final class Matchers {
        private final String text;
        private Matcher url;
        private Matcher email;
        private Matcher phone;
        private Matcher mention;
        private Matcher hashtag;
        private Matcher emoticon;

        Matchers(String text) {
            this.text = text;
        }

        Matcher url() {
            return url == null ? url = URL.matcher(text) : url;
        }

        Matcher email() {
            return email == null ? email = EMAIL.matcher(text) : email;
        }

        Matcher phone() {
            return phone == null ? phone = PHONE.matcher(text) : phone;
        }

        Matcher mention() {
            return mention == null ? mention = MENTION.matcher(text) : mention;
        }

        Matcher hashtag() {
            return hashtag == null ? hashtag = HASHTAG.matcher(text) : hashtag;
        }

        Matcher emoticon() {
            return emoticon == null ? emoticon = EMOTICON.matcher(text) : emoticon;
        }
    }

    private static int match(Matcher matcher, int at) {
        matcher.region(at, matcher.regionEnd() < at ? at : textLength(matcher));
        return matcher.lookingAt() ? matcher.end() : -1;
    }

    private static int textLength(Matcher matcher) {
        matcher.reset();
        return matcher.regionEnd();
    }

    private static int trimTrailingPunctuation(String text, int start, int end) {
        while (end > start + 1 && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean isEmoji(int c) {
        return (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x1F000 && c <= 0x1F2FF)
                || c == 0x2B50 || c == 0x2B55 || c == 0x2764 || c == 0x203C || c == 0x2049;
    }

    private static boolean isEmojiModifier(int c) {
        return c == 0x200D || c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3;
    }

    private static boolean isInvisible(int c) {
        return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0xFE0F || c == 0xFE0E;
    }
}
