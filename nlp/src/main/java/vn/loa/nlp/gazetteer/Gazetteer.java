package vn.loa.nlp.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * Finds names of places or agencies in text, longest match first, with offsets. Case does not matter, nor do
 * diacritics left out of a text typed without them ("ninh thuan" finds "Ninh Thuận"), but other diacritics do ("Nhà
 * Trắng" is not "Nha Trang"), and so do diacritics missing in a text written with them ("Lam Sơn" is not Lâm Sơn). A
 * name marked as a proper noun only (the short name of a district or commune, such as "Ninh Hải") must be written
 * with capitals, so that common words are not taken for places, and not right after a family name ("Đỗ Bình
 * Dương" is a person); the short name of a province ("Hòa Bình") must begin with one, unless the text is written
 * without any capital (a comment typed on a phone), so that "hòa bình" (peace) in an
 * article is not a province. Immutable and thread-safe.
 */
public final class Gazetteer {

    /**
     * An entry: a place or an agency.
     *
     * @param id its id, e.g. {@code 586@2023-05-01} or {@code SYT}
     * @param kind PROVINCE, DISTRICT, COMMUNE or AGENCY
     * @param name its full name
     * @param validFrom the first day it exists, null if unknown
     * @param validTo the last day it exists, null while it exists
     * @param successors the ids of the units that took over from it (after the July 2025 reorganisation)
     */
    public record Entry(String id, String kind, String name, LocalDate validFrom, LocalDate validTo,
            List<String> successors) {

        public Entry {
            successors = List.copyOf(successors);
        }

        /** Whether it exists on a day. */
        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /**
     * A name found in a text.
     *
     * @param start the offset of its first character
     * @param end the offset after its last character
     * @param entry what it names
     */
    public record Match(int start, int end, Entry entry) {
    }

    /** How a name must be written: in any case, with capitals, or with capitals when the text has any. */
    private enum Capitals { ANY, ALWAYS, WHERE_THE_TEXT_HAS_THEM }

    private record Name(Entry entry, long[] exactKeys, Capitals capitals, int rank) {
    }

    private static final class Node {
        final Map<Long, Node> next = new HashMap<>(4);
        final List<Name> names = new ArrayList<>(1);
    }

    /**
     * Phrases that hold the name of a place but name something else: the Pacific ("Thái Bình Dương", not Thái Bình),
     * the person ("Chủ tịch Hồ Chí Minh"), the prize ("Nobel Hòa Bình"). Matched like names, longest first, and never
     * reported.
     */
    private static final List<String> NOT_PLACES = List.of("Thái Bình Dương", "Chủ tịch Hồ Chí Minh",
            "Bác Hồ Chí Minh", "tư tưởng Hồ Chí Minh", "đạo đức Hồ Chí Minh", "phong cách Hồ Chí Minh",
            "Nobel Hòa Bình", "giải Hòa Bình");
    private static final Entry NOT_A_PLACE = new Entry("", "NONE", "", null, null, List.of());

    /**
     * Common family names: a place's short name right after one, both capitalised, is a person's given name ("Đỗ Bình
     * Dương", "Nguyễn Phước Hữu"). Names that are also common words ("Mai", "Cao", "Hà", "Lâm") are left out.
     */
    private static final java.util.Set<Long> FAMILY_NAMES = java.util.stream.Stream.of("Nguyễn", "Trần", "Lê", "Phạm",
            "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương",
            "Đoàn", "Trịnh", "Lương", "Tạ", "Châu", "Tôn", "Quách", "Thái", "Lưu", "Kiều", "Đào", "Tăng")
            .map(Syllables::key).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Node root = new Node();
    private final Map<String, Entry> byId = new HashMap<>();
    private int maxLength;

    private Gazetteer() {
    }

    /**
     * The places shipped with Loa: Vietnam's provinces before and after July 2025, Ninh Thuận's districts and
     * communes and Khánh Hòa's districts until 30/06/2025 (with the communes that took over from each), and the
     * communes and wards of Khánh Hòa from 01/07/2025.
     */
    public static Gazetteer places() {
        Gazetteer gazetteer = new Gazetteer();
        for (String[] row : read("/vn/loa/nlp/gazetteer/places.tsv", 8)) {
            Entry entry = new Entry(row[0], row[1], row[2], date(row[5]), date(row[6]),
                    row[7].isBlank() ? List.of() : List.of(row[7].trim().split(" ")));
            int rank = switch (row[1]) {
                case "PROVINCE" -> 3;
                case "DISTRICT" -> 2;
                default -> 1;
            };
            gazetteer.add(row[2], entry, Capitals.ANY, rank);
            gazetteer.add(row[3], entry, row[1].equals("PROVINCE") ? Capitals.WHERE_THE_TEXT_HAS_THEM : Capitals.ALWAYS,
                    rank);
        }
        // longer names that hold a place's name and are not a place: found first (longest match), then dropped
        for (String phrase : NOT_PLACES) {
            gazetteer.add(phrase, NOT_A_PLACE, Capitals.ANY, 0);
        }
        return gazetteer;
    }

    /**
     * The agencies shipped with Loa: the bodies of the province, with their common short forms, dated: Ninh
     * Thuận's until 30/06/2025, Khánh Hòa's from 01/07/2025. A body of today also answers to the names of the
     * body it took over from, so that an old name in a new post finds the body that does that work now. An id
     * is an agency code; where two bodies share one, {@link #entry(String)} gives today's.
     */
    public static Gazetteer agencies() {
        Gazetteer gazetteer = new Gazetteer();
        for (String[] row : read("/vn/loa/nlp/gazetteer/agencies.tsv", 5)) {
            Entry entry = new Entry(row[0], "AGENCY", row[1], date(row[3]), date(row[4]), List.of());
            gazetteer.add(row[1], entry, Capitals.ANY, 1);
            for (String alias : row[2].split("\\|")) {
                if (!alias.isBlank()) {
                    boolean acronym = alias.equals(alias.toUpperCase(java.util.Locale.ROOT)) && !alias.contains(" ");
                    gazetteer.add(alias, entry, acronym ? Capitals.ALWAYS : Capitals.ANY, 1);
                }
            }
        }
        return gazetteer;
    }

    /**
     * The rules by which names are found, besides the data: change the text whenever one changes, so that
     * {@link #version()} changes with it.
     */
    private static final String RULES = "longest match; capitals for short names, a province's first capital only;"
            + " a word without diacritics in a text with them is that word; phrases that are not places; a short name"
            + " after a family name is a person's (06/12/2026)";

    /**
     * The version of the shipped gazetteers: a short hash of their data ({@code places.tsv}, {@code agencies.tsv}),
     * of the phrases that are not places and of the rules by which names are found. The analyzer's version includes
     * it, so that a fix of the gazetteers makes the stored posts' places (and the routing that follows from them) due
     * for a re-analysis.
     */
    public static String version() {
        return VERSION;
    }

    private static final String VERSION = versionOfResources();

    private static String versionOfResources() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(RULES.getBytes(StandardCharsets.UTF_8));
            digest.update(String.join("|", NOT_PLACES).getBytes(StandardCharsets.UTF_8));
            for (String resource : List.of("/vn/loa/nlp/gazetteer/places.tsv", "/vn/loa/nlp/gazetteer/agencies.tsv")) {
                try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("the gazetteer " + resource + " is missing from the jar");
                    }
                    digest.update(in.readAllBytes());
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry with an id, if there is one. */
    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private void add(String name, Entry entry, Capitals capitals, int rank) {
        if (entry != NOT_A_PLACE) {
            byId.putIfAbsent(entry.id(), entry);
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        if (split.count() == 0) {
            return;
        }
        long[] exact = new long[split.count()];
        Node node = root;
        for (int i = 0; i < split.count(); i++) {
            exact[i] = Syllables.key(text, split.starts()[i], split.ends()[i]);
            long folded = Syllables.foldedKey(text, split.starts()[i], split.ends()[i]);
            node = node.next.computeIfAbsent(folded, k -> new Node());
        }
        node.names.add(new Name(entry, exact, capitals, rank));
        maxLength = Math.max(maxLength, split.count());
    }

    /** Finds every name in the text as of today; see {@link #find(String, LocalDate)}. */
    public List<Match> find(String text) {
        return find(text, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /**
     * Finds every name in the text, longest first, never overlapping, in text order. Where a name
     * belongs to several entries, the one that exists on {@code on} wins, then the one written with
     * the same diacritics, then the higher level.
     */
    public List<Match> find(String text, LocalDate on) {
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        int n = split.count();
        long[] folded = new long[n];
        long[] exact = new long[n];
        boolean[] bare = new boolean[n];
        // in a text written with diacritics a word without any is that word: "Lam Sơn" is not Lâm Sơn
        boolean typedWithoutDiacritics = !vn.loa.nlp.AccentFolding.writtenWithDiacritics(text);
        for (int i = 0; i < n; i++) {
            folded[i] = Syllables.foldedKey(text, split.starts()[i], split.ends()[i]);
            exact[i] = Syllables.key(text, split.starts()[i], split.ends()[i]);
            bare[i] = typedWithoutDiacritics && bare(text, split.starts()[i], split.ends()[i]);
        }
        boolean capitals = hasCapitals(text);
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < n) {
            Node node = root;
            Name best = null;
            int bestEnd = -1;
            boolean afterFamilyName = afterFamilyName(text, split, exact, i);
            for (int j = i; j < n && j - i < maxLength; j++) {
                node = node.next.get(folded[j]);
                if (node == null) {
                    break;
                }
                Name chosen = choose(node.names, text, split, exact, bare, capitals, afterFamilyName, i, on);
                if (chosen != null) {
                    best = chosen;
                    bestEnd = j;
                }
            }
            if (best != null) {
                if (best.entry() != NOT_A_PLACE) {
                    matches.add(new Match(split.starts()[i], split.ends()[bestEnd], best.entry()));
                }
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        return matches;
    }

    private static Name choose(List<Name> names, String text, SyllableSplitter.Syllabified split, long[] exact,
            boolean[] bare, boolean textHasCapitals, boolean afterFamilyName, int from, LocalDate on) {
        Name best = null;
        int bestScore = -1;
        for (Name name : names) {
            if (afterFamilyName && name.capitals() != Capitals.ANY && !name.entry().kind().equals("AGENCY")) {
                continue;
            }
            if (name.capitals() == Capitals.ALWAYS && !capitalised(text, split, from, name.exactKeys().length)) {
                continue;
            }
            // a province's short name needs its first capital only: "Hà nội" is written that way often enough
            if (name.capitals() == Capitals.WHERE_THE_TEXT_HAS_THEM && textHasCapitals && !capitalised(text, split, from, 1)) {
                continue;
            }
            // each syllable as the name writes it, or without diacritics; never with other diacritics
            boolean sameDiacritics = true;
            boolean fits = true;
            for (int k = 0; k < name.exactKeys().length && fits; k++) {
                if (name.exactKeys()[k] != exact[from + k]) {
                    sameDiacritics = false;
                    fits = bare[from + k];
                }
            }
            if (!fits) {
                continue;
            }
            int score = (name.entry().validOn(on) ? 100 : 0) + (sameDiacritics ? 10 : 0) + name.rank();
            if (score > bestScore) {
                bestScore = score;
                best = name;
            }
        }
        return best;
    }

    /** Whether syllable {@code i} follows a capitalised family name, with only spaces between them. */
    private static boolean afterFamilyName(String text, SyllableSplitter.Syllabified split, long[] exact, int i) {
        if (i == 0 || !FAMILY_NAMES.contains(exact[i - 1]) || !capitalised(text, split, i - 1, 1)) {
            return false;
        }
        for (int c = split.ends()[i - 1]; c < split.starts()[i]; c++) {
            if (!Character.isWhitespace(text.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text[start, end)} has no diacritic at all. */
    private static boolean bare(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || Syllables.fold(c) != Character.toLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether any letter of the text is a capital. */
    private static boolean hasCapitals(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean capitalised(String text, SyllableSplitter.Syllabified split, int from, int length) {
        for (int k = from; k < from + length; k++) {
            int first = text.codePointAt(split.starts()[k]);
            if (Character.isLetter(first) && !Character.isUpperCase(first)) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    }

    private static List<String[]> read(String resource, int columns) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the gazetteer " + resource + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + " line " + number + ": expected " + columns + " columns");
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
