package vn.loa.transparency.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.transparency.InformationRequests.PersonalDatum;

/**
 * Finds personal data in a text before it is published: e-mail addresses, phone numbers, identity card and passport
 * numbers, street addresses, and people's names (the requester's, and a name after a title such as "ông", "bà",
 * "anh", "chị"). What it finds is a suggestion; the officer confirms what is removed.
 */
final class PersonalData {

    static final String REDACTED = "[đã che]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    /** Vietnamese phone numbers: 0 or +84, then 9 or 10 digits, with spaces, dots or dashes between groups. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{N}])(?:\\+84|0084|0)(?:[\\s.-]?\\d){8,10}(?![\\p{N}])");
    /** Citizen identity cards (12 digits), old identity cards (9), passports (a letter and 7 digits). */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\p{N}\\p{L}])(?:\\d{12}|\\d{9}|[A-Z]\\d{7})(?![\\p{N}\\p{L}])");
    private static final String CAPITALISED = "\\p{Lu}[\\p{Ll}\\p{M}]*";
    /** A house number and a street: "số 12 đường Lê Lợi", "45/7 Trần Phú", "hẻm 3 Ngô Gia Tự". */
    private static final Pattern ADDRESS = Pattern.compile("(?iu:(?:số\\s+nhà|số|nhà)\\s+)?\\d+[A-Za-z]?(?:/\\d+[A-Za-z]?)*\\s+"
            + "(?:(?iu:đường|phố|hẻm|ngõ|ngách|kiệt|khu phố|thôn|tổ)\\s+)?" + CAPITALISED + "(?:\\s+" + CAPITALISED + "){0,3}");
    /** A name after a title or an introduction: "ông Nguyễn Văn A", "bà Trần Thị B", "tôi là Lê C". */
    private static final Pattern TITLED_NAME = Pattern.compile("(?<![\\p{L}])(?iu:ông|bà|anh|chị|cô|chú|em|tôi là|tôi tên là|tên là|họ tên)\\s+("
            + CAPITALISED + "(?:\\s+" + CAPITALISED + "){1,4})");

    private PersonalData() {
    }

    /** What looks like personal data in the texts, each once, in order of appearance; the known names first. */
    static List<PersonalDatum> find(List<String> knownNames, String... texts) {
        Map<String, PersonalDatum> found = new LinkedHashMap<>();
        for (String name : knownNames) {
            if (name != null && !name.isBlank()) {
                found.putIfAbsent(key(name.strip()), new PersonalDatum("NAME", name.strip()));
            }
        }
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            add(found, "EMAIL", EMAIL.matcher(text), 0);
            add(found, "PHONE", PHONE.matcher(text), 0);
            add(found, "ID_NUMBER", ID_NUMBER.matcher(text), 0);
            add(found, "ADDRESS", ADDRESS.matcher(text), 0);
            add(found, "NAME", TITLED_NAME.matcher(text), 1);
        }
        // a shorter finding inside a longer one (a phone number inside an address) is covered by the longer one
        List<PersonalDatum> all = List.copyOf(found.values());
        return all.stream().filter(d -> d.kind().equals("NAME") || all.stream().noneMatch(other -> other != d
                && other.text().length() > d.text().length() && other.text().contains(d.text()))).toList();
    }

    /** The text with every occurrence of each piece removed, longest first. */
    static String redact(String text, List<String> pieces) {
        if (text == null) {
            return null;
        }
        String result = text;
        List<String> sorted = new ArrayList<>(pieces);
        sorted.sort((a, b) -> b.length() - a.length());
        for (String piece : sorted) {
            if (piece != null && !piece.isBlank()) {
                result = Pattern.compile(Pattern.quote(piece.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(result).replaceAll(Matcher.quoteReplacement(REDACTED));
            }
        }
        return result;
    }

    private static void add(Map<String, PersonalDatum> found, String kind, Matcher matcher, int group) {
        while (matcher.find()) {
            String text = matcher.group(group).strip();
            if (text.length() >= 3) {
                found.putIfAbsent(key(text), new PersonalDatum(kind, text));
            }
        }
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
