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

    /**
     * A name of an entry as the gazetteer matches it.
     *
     * @param unit the kind of unit the entry's full name begins with ({@code xã}, {@code phường}, {@code thành phố}...),
     *     null for an agency
     */
    private record Name(Entry entry, long[] exactKeys, Capitals capitals, int rank, String unit) {

        /** Whether this is a place's short name, the name without its unit ("Nha Trang"). */
        boolean shortName() {
            return capitals != Capitals.ANY && !entry.kind().equals("AGENCY");
        }
    }

    private static final class Node {
        final Map<Long, Node> next = new HashMap<>(4);
        final List<Name> names = new ArrayList<>(1);
    }

    /**
     * Phrases that hold the name of a place but name something else: the Pacific ("Thái Bình Dương", not Thái Bình),
     * the person ("Chủ tịch Hồ Chí Minh"), the prize ("Nobel Hòa Bình"), or a place elsewhere that the gazetteer does
     * not know ("Hàm Thuận Nam" in Lâm Đồng, not Thuận Nam; Macau, "Ma Cao", not Cao Bằng; the stadium of Phú Thọ in Hồ Chí
     * Minh City). Matched like names, longest first, and never reported.
     */
    private static final List<String> NOT_PLACES = List.of("Thái Bình Dương", "Chủ tịch Hồ Chí Minh",
            "Bác Hồ Chí Minh", "tư tưởng Hồ Chí Minh", "đạo đức Hồ Chí Minh", "phong cách Hồ Chí Minh",
            "Nobel Hòa Bình", "giải Hòa Bình", "Hàm Thuận Nam", "Hàm Thuận Bắc", "Ma Cao", "Nhà thi đấu Phú Thọ",
            "trường đua Phú Thọ");
    private static final Entry NOT_A_PLACE = new Entry("", "NONE", "", null, null, List.of());

    /**
     * What the press and residents call a province besides its names, by its code: "Sở Y tế TP.HCM" is Ho Chi Minh
     * City's department, not this province's. Written with capitals, as a short name is.
     */
    private static final Map<String, List<String>> PROVINCE_ALIASES = Map.of(
            "79", List.of("TP.HCM", "TP HCM", "TP. HCM", "TPHCM", "TP Hồ Chí Minh", "Sài Gòn"),
            "01", List.of("TP Hà Nội", "Thủ đô Hà Nội"),
            "48", List.of("TP Đà Nẵng"),
            "31", List.of("TP Hải Phòng"),
            "92", List.of("TP Cần Thơ"));

    /**
     * Common family names: a place's short name right after one, both capitalised, is a person's given name ("Đỗ Bình
     * Dương", "Nguyễn Phước Hữu"). Names that are also common words ("Mai", "Cao", "Hà", "Lâm") are left out.
     */
    private static final java.util.Set<Long> FAMILY_NAMES = java.util.stream.Stream.of("Nguyễn", "Trần", "Lê", "Phạm",
            "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương",
            "Đoàn", "Trịnh", "Lương", "Tạ", "Châu", "Tôn", "Quách", "Thái", "Lưu", "Kiều", "Đào", "Tăng")
            .map(Syllables::key).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * The words for a kind of administrative unit, one or two syllables, each with the unit it names ("TP" is "thành
     * phố"). A place's short name right after one of them is that kind of unit: "phường Tân Định" is not the commune of
     * Tân Định, "huyện Phước Sơn" not the commune of Phước Sơn.
     */
    private static final Map<String, String> UNIT_WORDS = Map.ofEntries(Map.entry("xã", "xã"),
            Map.entry("phường", "phường"), Map.entry("huyện", "huyện"), Map.entry("quận", "quận"), Map.entry("tỉnh", "tỉnh"),
            Map.entry("thành phố", "thành phố"), Map.entry("tp", "thành phố"), Map.entry("thị xã", "thị xã"),
            Map.entry("tx", "thị xã"), Map.entry("thị trấn", "thị trấn"), Map.entry("tt", "thị trấn"),
            Map.entry("đặc khu", "đặc khu"));
    /** The kinds of unit of a district's level. */
    private static final java.util.Set<String> DISTRICT_UNITS = java.util.Set.of("huyện", "thị xã", "thành phố", "quận");
    private static final Map<Long, String> ONE_WORD_UNITS = unitKeys(false, 1);
    private static final Map<Long, String> ONE_WORD_UNITS_FOLDED = unitKeys(true, 1);
    private static final Map<Long, String> TWO_WORD_UNITS = unitKeys(false, 2);
    private static final Map<Long, String> TWO_WORD_UNITS_FOLDED = unitKeys(true, 2);

    /** The keys of the unit words of so many syllables (two: combined), exact or folded. */
    private static Map<Long, String> unitKeys(boolean folded, int syllables) {
        Map<Long, String> keys = new HashMap<>();
        UNIT_WORDS.forEach((word, unit) -> {
            String[] parts = word.split(" ");
            if (parts.length == syllables) {
                long key = 0;
                for (int k = 0; k < parts.length; k++) {
                    long part = folded ? Syllables.foldedKey(parts[k], 0, parts[k].length()) : Syllables.key(parts[k]);
                    key = k == 0 ? part : Syllables.combine(key, part);
                }
                keys.put(key, unit);
            }
        });
        return Map.copyOf(keys);
    }

    /**
     * Words by which one calls a person ("Anh Dũng" is brother Dũng): a commune's short name that begins with one is
     * a place only after its unit ("xã Anh Dũng").
     */
    private static final java.util.Set<Long> TITLES = java.util.stream.Stream.of("Anh", "Chị", "Em", "Ông", "Bà", "Cô",
            "Chú", "Cậu", "Dì", "Thím", "Mợ").map(Syllables::key).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Node root = new Node();
    /** The provinces the gazetteer knows the districts and communes of: the province's own. */
    private final java.util.Set<String> localProvinces = new java.util.HashSet<>();
    /** The short names of provinces and districts, folded: a commune of the same name is known without context. */
    private final java.util.Set<String> wellKnownNames = new java.util.HashSet<>();
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
            String unit = unitOf(row[2]);
            gazetteer.add(row[2], entry, Capitals.ANY, rank, unit);
            gazetteer.add(row[3], entry, row[1].equals("PROVINCE") ? Capitals.WHERE_THE_TEXT_HAS_THEM : Capitals.ALWAYS,
                    rank, unit);
            if (!row[1].equals("COMMUNE")) {
                gazetteer.wellKnownNames.add(folded(row[3]));
            }
            if (row[1].equals("PROVINCE")) {
                for (String alias : PROVINCE_ALIASES.getOrDefault(row[0].substring(0, row[0].indexOf('@')), List.of())) {
                    gazetteer.add(alias, entry, Capitals.ALWAYS, rank, unit);
                }
            }
            if (!row[1].equals("PROVINCE") && !row[4].isBlank()) {
                gazetteer.localProvinces.add(row[4]);
            }
        }
        // a commune's parent may be a district: its province is the district's
        for (String[] row : read("/vn/loa/nlp/gazetteer/places.tsv", 8)) {
            if (row[1].equals("DISTRICT")) {
                gazetteer.localProvinces.remove(row[0]);
                gazetteer.localProvinces.add(row[4]);
            }
        }
        // a commune named after a district that was ("Bác Ái Tây", "Nam Nha Trang"), or after a part of a district's
        // double name ("Phan Rang" of Phan Rang-Tháp Chàm), is known alone as the district was: no other province has
        // a district of that name to name a commune after
        java.util.Set<String> districts = new java.util.HashSet<>();
        for (String[] row : read("/vn/loa/nlp/gazetteer/places.tsv", 8)) {
            if (row[1].equals("DISTRICT")) {
                String name = folded(row[3]);
                districts.add(name);
                for (String part : name.split("-")) {
                    if (part.strip().contains(" ")) {
                        gazetteer.wellKnownNames.add(part.strip());
                    }
                }
            }
        }
        for (String[] row : read("/vn/loa/nlp/gazetteer/places.tsv", 8)) {
            String name = folded(row[3]);
            if (row[1].equals("COMMUNE") && districts.stream().anyMatch(district -> district.contains(" ")
                    && (name.startsWith(district + " ") || name.endsWith(" " + district)))) {
                gazetteer.wellKnownNames.add(name);
            }
        }
        // longer names that hold a place's name and are not a place: found first (longest match), then dropped
        for (String phrase : NOT_PLACES) {
            gazetteer.add(phrase, NOT_A_PLACE, Capitals.ANY, 0, null);
        }
        return gazetteer;
    }

    /**
     * The short names of the places shipped with Loa, every one that was or is ("Nha Trang", "Phan Rang", "Ninh Hải"),
     * each once, in the order of the list: what a search may take as a name.
     */
    public static List<String> placeNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (String[] row : read("/vn/loa/nlp/gazetteer/places.tsv", 8)) {
            if (!row[3].isBlank()) {
                names.add(row[3].strip());
            }
        }
        return List.copyOf(names);
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
            gazetteer.add(row[1], entry, Capitals.ANY, 1, null);
            notAnAgency(gazetteer, row[1]);
            for (String alias : row[2].split("\\|")) {
                if (!alias.isBlank()) {
                    boolean acronym = alias.equals(alias.toUpperCase(java.util.Locale.ROOT)) && !alias.contains(" ");
                    gazetteer.add(alias, entry, acronym ? Capitals.ALWAYS : Capitals.ANY, 1, null);
                    notAnAgency(gazetteer, alias);
                }
            }
        }
        return gazetteer;
    }

    /**
     * A department's name after "cơ" is a kind of place, not the department: "cơ sở y tế" is a health facility, not Sở Y
     * tế, "cơ sở giáo dục" a school. The phrase is matched like a name, longest first, and never reported.
     */
    private static void notAnAgency(Gazetteer gazetteer, String name) {
        if (folded(name).startsWith("so ")) {
            gazetteer.add("cơ " + name, NOT_A_PLACE, Capitals.ANY, 0, null);
        }
    }

    /**
     * The rules by which names are found, besides the data: change the text whenever one changes, so that
     * {@link #version()} changes with it.
     */
    private static final String RULES = "longest match; capitals for short names, a province's first capital only;"
            + " a word without diacritics in a text with them is that word; phrases that are not places; a short name"
            + " after a family name is a person's (06/12/2026); a unit word of another kind is another place, a"
            + " commune's short name alone needs the province around it or its hotline, not between capitalised words"
            + " nor after a word for a person (06/12/2026, second session); a department's name after \"cơ\" is not"
            + " the department (07/12/2026); a commune named after a district that was, or after a part of a"
            + " district's double name, is known alone as the district was (08/12/2026)";

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
            digest.update(new java.util.TreeMap<>(PROVINCE_ALIASES).toString().getBytes(StandardCharsets.UTF_8));
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

    /** The kind of unit a place's full name begins with, as {@link #UNIT_WORDS} names it, or null. */
    private static String unitOf(String fullName) {
        String lower = Normalizer.normalize(fullName, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        for (String unit : List.of("thành phố", "thị xã", "thị trấn", "đặc khu", "xã", "phường", "huyện", "quận", "tỉnh")) {
            if (lower.startsWith(unit + " ")) {
                return unit;
            }
        }
        return null;
    }

    private static String folded(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            folded.append(Character.toLowerCase(Syllables.fold(text.charAt(i))));
        }
        return folded.toString();
    }

    private void add(String name, Entry entry, Capitals capitals, int rank, String unit) {
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
        node.names.add(new Name(entry, exact, capitals, rank, unit));
        maxLength = Math.max(maxLength, split.count());
    }

    /** Finds every name in the text as of today; see {@link #find(String, LocalDate)}. */
    public List<Match> find(String text) {
        return find(text, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /** Finds every name in the text on a day, as a text from anywhere; see {@link #find(String, LocalDate, boolean)}. */
    public List<Match> find(String text, LocalDate on) {
        return find(text, on, false);
    }

    /**
     * Finds every name in the text, longest first, never overlapping, in text order. Where a name
     * belongs to several entries, the one that exists on {@code on} wins, then the one written with
     * the same diacritics, then the higher level. A place's short name is not that place:
     * <ul>
     * <li>after a unit word of another kind ("phường Tân Định" is not the commune of Tân Định), except between the
     *     kinds of a district's level, as a district became a town or a city ("thị xã Cam Ranh");
     * <li>after a family name ("Đỗ Bình Dương");
     * <li>for a commune whose name no district or province shares, without a unit word before it: between two
     *     capitalised words, after one that does not begin a sentence ("Mai Xuân Hải") or before one ("Tân Sơn
     *     Nhất"), and when it begins with a word for a person ("Anh Dũng vô địch");
     * <li>for a commune whose name no district or province shares, when no unit word comes before it and nothing
     *     else in the text is of the province ("khu di tích Mỹ Sơn" is in Quảng Nam), or when the text names another
     *     province and nothing of this one ("xã An Hải, huyện đảo Lý Sơn, tỉnh Quảng Ngãi"), unless the text came
     *     through the province's own channels ({@code localSource}: its hotline or an office), where the commune is
     *     meant.
     * </ul>
     *
     * @param localSource whether the text came through the province's own channels
     */
    public List<Match> find(String text, LocalDate on, boolean localSource) {
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
        Context context = new Context(text, split, exact, folded, bare, hasCapitals(text));
        List<Match> matches = new ArrayList<>();
        // per match: 0 a name known alone, 1 a commune after its unit word, 2 a commune's short name alone
        List<Integer> communes = new ArrayList<>();
        int i = 0;
        while (i < n) {
            Node node = root;
            Name best = null;
            int bestEnd = -1;
            Before before = context.before(i);
            for (int j = i; j < n && j - i < maxLength; j++) {
                node = node.next.get(folded[j]);
                if (node == null) {
                    break;
                }
                Name chosen = choose(node.names, context, before, i, on);
                if (chosen != null) {
                    best = chosen;
                    bestEnd = j;
                }
            }
            if (best != null) {
                if (best.entry() != NOT_A_PLACE) {
                    Match match = new Match(split.starts()[i], split.ends()[bestEnd], best.entry());
                    matches.add(match);
                    boolean commune = best.entry().kind().equals("COMMUNE")
                            && !wellKnownNames.contains(folded(text.substring(match.start(), match.end())));
                    communes.add(!commune ? 0 : best.shortName() && before.unit() == null ? 2 : 1);
                }
                i = bestEnd + 1;
            } else {
                i++;
            }
        }
        if (localSource || !communes.contains(1) && !communes.contains(2)) {
            return matches;
        }
        // a commune's name is met all over the country: alone, it is the province's only where the text is of the
        // province; after its unit word, unless the text is of another province ("xã An Hải, huyện đảo Lý Sơn, tỉnh
        // Quảng Ngãi")
        boolean ofTheProvince = false;
        boolean ofAnother = false;
        for (int m = 0; m < matches.size(); m++) {
            Entry entry = matches.get(m).entry();
            ofTheProvince |= communes.get(m) == 0 && local(entry);
            ofAnother |= entry.kind().equals("PROVINCE") && !local(entry);
        }
        List<Match> kept = new ArrayList<>(matches.size());
        for (int m = 0; m < matches.size(); m++) {
            int commune = communes.get(m);
            if (commune == 0 || ofTheProvince || commune == 1 && !ofAnother) {
                kept.add(matches.get(m));
            }
        }
        return kept;
    }

    /** Whether an entry is of the province: one of its districts or communes, or itself. */
    private boolean local(Entry entry) {
        return switch (entry.kind()) {
            case "DISTRICT", "COMMUNE" -> true;
            case "PROVINCE" -> localProvinces.contains(entry.id());
            default -> false;
        };
    }

    /** A text's syllables as {@link #find} reads them. */
    private record Context(String text, SyllableSplitter.Syllabified split, long[] exact, long[] folded, boolean[] bare,
            boolean hasCapitals) {

        /** What comes right before syllable {@code i}. */
        Before before(int i) {
            String unit = null;
            if (i >= 2 && joined(i - 2, i - 1) && joined(i - 1, i)) {
                unit = bare[i - 2] && bare[i - 1]
                        ? TWO_WORD_UNITS_FOLDED.get(Syllables.combine(folded[i - 2], folded[i - 1]))
                        : TWO_WORD_UNITS.get(Syllables.combine(exact[i - 2], exact[i - 1]));
            }
            // one word, or its abbreviation with a full stop: "TP. Nha Trang"
            int word = i >= 2 && fullStop(i - 1) && split.ends()[i - 2] == split.starts()[i - 1] ? i - 2 : i - 1;
            if (unit == null && word >= 0 && joined(word + (word == i - 2 ? 1 : 0), i)) {
                unit = (bare[word] ? ONE_WORD_UNITS_FOLDED : ONE_WORD_UNITS).get(bare[word] ? folded[word] : exact[word]);
            }
            boolean afterFamilyName = i >= 1 && joined(i - 1, i) && FAMILY_NAMES.contains(exact[i - 1])
                    && capitalised(text, split, i - 1, 1);
            boolean afterName = unit == null && i >= 1 && joined(i - 1, i) && capitalised(text, split, i - 1, 1)
                    && Syllables.shape(text, split.starts()[i - 1], split.ends()[i - 1]) == Syllables.SHAPE_CAPITALISED
                    && !beginsSentence(i - 1);
            return new Before(unit, afterFamilyName, afterName);
        }

        /** Whether only spaces separate two syllables. */
        private boolean joined(int a, int b) {
            for (int c = split.ends()[a]; c < split.starts()[b]; c++) {
                if (!Character.isWhitespace(text.charAt(c))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether syllable {@code i} is followed by a capitalised word (not an acronym) with only spaces between. */
        boolean continuedByName(int i) {
            return i + 1 < split.count() && joined(i, i + 1) && capitalised(text, split, i + 1, 1)
                    && Syllables.shape(text, split.starts()[i + 1], split.ends()[i + 1]) == Syllables.SHAPE_CAPITALISED;
        }

        private boolean fullStop(int i) {
            return split.ends()[i] - split.starts()[i] == 1 && text.charAt(split.starts()[i]) == '.';
        }

        /** Whether syllable {@code i} is the first of a sentence, a line or a quotation, so written with a capital. */
        private boolean beginsSentence(int i) {
            for (int c = split.starts()[i] - 1; c >= 0; c--) {
                char ch = text.charAt(c);
                if (ch == '\n') {
                    return true;
                }
                if (!Character.isWhitespace(ch)) {
                    return ".!?:;\"'“”‘’()[]-–—…•*>".indexOf(ch) >= 0;
                }
            }
            return true;
        }
    }

    /**
     * What comes right before a name.
     *
     * @param unit the kind of unit a word right before names ({@link #UNIT_WORDS}), or null
     * @param afterFamilyName whether a capitalised family name comes right before
     * @param afterName whether another capitalised word (not an acronym) comes right before, not one that begins a
     *     sentence
     */
    private record Before(String unit, boolean afterFamilyName, boolean afterName) {
    }

    private Name choose(List<Name> names, Context context, Before before, int from, LocalDate on) {
        String text = context.text();
        SyllableSplitter.Syllabified split = context.split();
        long[] exact = context.exact();
        Name best = null;
        int bestScore = -1;
        for (Name name : names) {
            if (name.shortName() && !allowed(name, context, before, from)) {
                continue;
            }
            if (name.capitals() == Capitals.ALWAYS && !capitalised(text, split, from, name.exactKeys().length)) {
                continue;
            }
            // a province's short name needs its first capital only: "Hà nội" is written that way often enough
            if (name.capitals() == Capitals.WHERE_THE_TEXT_HAS_THEM && context.hasCapitals()
                    && !capitalised(text, split, from, 1)) {
                continue;
            }
            // each syllable as the name writes it, or without diacritics; never with other diacritics
            boolean sameDiacritics = true;
            boolean fits = true;
            for (int k = 0; k < name.exactKeys().length && fits; k++) {
                if (name.exactKeys()[k] != exact[from + k]) {
                    sameDiacritics = false;
                    fits = context.bare()[from + k];
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

    /** Whether a place's short name can be that place where it stands (see {@link #find(String, LocalDate, boolean)}). */
    private boolean allowed(Name name, Context context, Before before, int from) {
        String kind = name.entry().kind();
        if (before.unit() != null) {
            // a district became a town or a city and kept its name ("thị xã Cam Ranh", then "thành phố Cam Ranh");
            // a commune's name is met all over the country, so its kind must be the same
            return before.unit().equals(name.unit()) || kind.equals("DISTRICT")
                    && DISTRICT_UNITS.contains(before.unit()) && DISTRICT_UNITS.contains(name.unit());
        }
        if (before.afterFamilyName()) {
            return false;
        }
        if (!kind.equals("COMMUNE")) {
            return true;
        }
        int length = name.exactKeys().length;
        SyllableSplitter.Syllabified split = context.split();
        if (wellKnownNames.contains(folded(context.text().substring(split.starts()[from],
                split.ends()[from + length - 1])))) {
            return true;
        }
        // inside a longer name: "Hàm Thuận Nam", "Mai Xuân Hải", "Tân Sơn Nhất"
        if (before.afterName() || context.continuedByName(from + length - 1)) {
            return false;
        }
        return !TITLES.contains(context.exact()[from]);
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
