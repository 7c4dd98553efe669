package vn.loa.listening.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a post asks something: a question mark, or one of the phrases Vietnamese asks with ("bao giờ", "ở đâu",
 * "thế nào", "có ... không ạ", "cho em hỏi" ...), with or without diacritics. A rule, not a model: it counts
 * rhetorical questions too, which is what an officer wants to read when attention rises.
 */
final class Questions {

    private static final Pattern ASKS = Pattern.compile("(?<![\\p{L}\\p{N}])(?:bao giờ|bao gio|khi nào|khi nao|ở đâu|o dau"
            + "|chỗ nào|cho nao|thế nào|the nao|làm sao|lam sao|tại sao|tai sao|vì sao|vi sao|bao nhiêu|bao nhieu"
            + "|được không|duoc khong|phải không|phai khong|hay không|hay khong|có không|co khong|xin hỏi|xin hoi"
            + "|cho (?:em|tôi|toi|mình|minh|cháu|chau|con) hỏi|cho (?:em|toi|minh|chau|con) hoi|ai (?:chịu|chiu|giải quyết|giai quyet)"
            + "|đi đâu|di dau|ở chỗ nào|làm gì|lam gi|gì không|gi khong)(?![\\p{L}\\p{N}])"
            // "có ... không (ạ)" at the end of a sentence: the yes-no question
            + "|(?<![\\p{L}\\p{N}])(?:có|co|được|duoc|đã|còn)\\s[^.!?;\\n]{0,60}?\\s(?:không|khong)"
            + "(?:\\s(?:ạ|a|vậy|vay|nhỉ|nhi|hả|ha|nhé))?\\s*(?:[.!,;…]|$)");

    private Questions() {
    }

    /** Whether the text asks something. */
    static boolean asks(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (text.indexOf('?') >= 0 || text.indexOf('？') >= 0) {
            return true;
        }
        return ASKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)).find();
    }
}
