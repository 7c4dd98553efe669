package vn.loa.consultation.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.loa.nlp.AccentFolding;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.normalize.Token;
import vn.loa.nlp.normalize.TokenType;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Groups the contributions on one article into themes: each text is normalised by the language engine (tone marks,
 * teencode, elongations) and folded (so a comment typed without diacritics reads like the others); near duplicates
 * (word 3-shingles with a Jaccard similarity of at least {@link #NEAR_DUPLICATE}) are merged first; the rest are
 * clustered by average link over the TF-IDF cosine of their words and word pairs (stop words left out), until no two
 * groups are closer than {@link #threshold()}. Each group is labelled by its top words and word pairs as the
 * consultation writes them: with their diacritics, taken from the comments typed with them (a word of a comment typed
 * without diacritics is named as the other comments write it, or not at all), and never a word that says nothing of a
 * theme ({@link #NO_THEME}); a group left without such words has an empty label. Each group counts its sentiments.
 * Pure, immutable and thread-safe.
 */
public final class GroupingEngine {

    /** Shingle Jaccard similarity at or above which two texts are the same comment. */
    public static final double NEAR_DUPLICATE = 0.6;

    /** The clustering threshold chosen on the demo comments (see docs/model-card.md). */
    public static final double DEFAULT_THRESHOLD = 0.03;

    /** Words that say nothing of a theme, folded (no diacritics, lower case). */
    private static final Set<String> STOP = java.util.Arrays.stream(("a ah ai anh ba bac bi biet boi bon cac cach cai cam can cang cho "
            + "chi chinh chu chua chung cu cua cung con co da dang day de den deu di dieu do doi du duoc em gi gia giup "
            + "hay het hien hoac hon hoi ho khi khoan khong kia la lai lam len luc ma minh moi mot muon nao nay ne neu "
            + "nghi ngay nhe nhieu nhu nhung nha nen noi o oi phai qua quy ra rat roi sao se so sau ta tai thao the "
            + "theo thi thuc toi tot tren trong truoc tu tuy va vao van vay ve vi voi vua xin dinh thay dong y "
            + "nguoi dan duoc nhu vay cung nhu dang ky khi ma de nghi ban chung toi kien").split(" "))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Words, as written, that name no theme of a comment on a draft, though they may matter to the clustering: amounts
     * and particles ("thêm", "nữa"), units of time ("năm", "tháng"), the administrative units every comment may name
     * ("tỉnh", "phường"), and the consultation's own words ("dự thảo", "quy định", "điều").
     */
    static final Set<String> NO_THEME = Set.of(
            "thêm", "nữa", "lắm", "quá", "rất", "hơn", "nhất", "mấy", "mỗi", "các", "những", "cả", "đâu", "sao", "gì",
            "nào", "ấy", "này", "kia", "đó", "vậy", "thế", "thì", "mà", "là", "được", "bị", "cũng", "đã", "đang", "sẽ",
            "vẫn", "còn", "chỉ", "luôn", "ngay", "lúc", "khi", "nên", "phải", "cần", "có", "không", "chưa", "hay",
            "hoặc", "và", "với", "của", "cho", "để", "từ", "đến", "tới", "theo", "về", "bằng", "như", "nhưng", "vì",
            "nếu", "thôi", "thui", "nha", "nhé", "ạ", "à", "hả", "giùm", "dùm", "giúp", "mong", "muốn", "xin", "từng",
            "riêng", "chung", "lấy", "dùng", "làm", "thấy", "biết", "nói", "nghĩ", "sắp", "vừa", "mới", "đều", "nhiều",
            "ít", "ít nhất", "khác", "cùng", "hết", "tất cả", "bao nhiêu", "bao giờ", "hoàn toàn", "thường", "hằng", "năm", "tháng", "tuần", "ngày",
            "hôm", "nay", "mai", "hiện nay", "hiện tại", "sau này", "trước đây", "tỉnh", "huyện", "xã", "phường",
            "thị xã", "thị trấn", "thành phố", "địa phương", "địa bàn", "khu vực", "nơi", "chỗ", "chính quyền",
            "nhà nước", "cơ quan", "ủy ban", "sở", "ngành", "cấp", "người", "người dân", "dân", "bà con", "mọi người",
            "nhân dân", "dự thảo", "quy định", "điều", "khoản", "điểm", "chương", "văn bản", "nội dung", "ý kiến",
            "góp ý", "đề nghị", "kiến nghị");

    private final TextNormalizer normalizer;
    private final WordSegmenter segmenter;
    private final double threshold;

    /** An engine with the default threshold that labels groups by syllables and syllable pairs. */
    public GroupingEngine(TextNormalizer normalizer) {
        this(normalizer, null, DEFAULT_THRESHOLD);
    }

    public GroupingEngine(TextNormalizer normalizer, double threshold) {
        this(normalizer, null, threshold);
    }

    /**
     * An engine whose labels are words: a syllable pair names a group only when the word segmenter reads it as one
     * word ("hoan nghênh", "vắc xin") in one of the group's comments, never across two words ("nghênh tỉnh").
     *
     * @param segmenter the language engine's word segmenter; null labels by syllable pairs
     */
    public GroupingEngine(TextNormalizer normalizer, WordSegmenter segmenter, double threshold) {
        if (normalizer == null) {
            throw new IllegalArgumentException("the grouping engine needs a normaliser");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, was " + threshold);
        }
        this.normalizer = normalizer;
        this.segmenter = segmenter;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * A text to group.
     *
     * @param id the contribution's id
     * @param text what the contributor wrote
     * @param sentiment negative, neutral, positive or unclear; may be null
     */
    public record Item(long id, String text, String sentiment) {
        public Item {
            if (text == null) {
                throw new IllegalArgumentException("item " + id + " has no text");
            }
        }
    }

    /**
     * A theme found.
     *
     * @param members the contributions' ids, the representative first
     * @param label the top keywords joined by ", "
     * @param keywords the top keywords (words or word pairs, with diacritics)
     * @param sentiments how many members per sentiment
     * @param nearDuplicates how many members were merged as near duplicates of another
     */
    public record Group(List<Long> members, String label, List<String> keywords, Map<String, Integer> sentiments,
            int nearDuplicates) {

        public long representative() {
            return members.getFirst();
        }
    }

    /** Groups the contributions of each article (keyed by the article's unit key); IDF is taken over all of them. */
    public Map<String, List<Group>> group(Map<String, List<Item>> byUnit) {
        Map<Long, Doc> docs = new HashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        // how every comment of the consultation writes each term, to name a word of a comment typed without diacritics
        Map<String, Map<String, Integer>> written = new HashMap<>();
        int total = 0;
        for (List<Item> items : byUnit.values()) {
            for (Item item : items) {
                Doc doc = doc(item);
                docs.put(item.id(), doc);
                for (String term : doc.terms.keySet()) {
                    documentFrequency.merge(term, 1, Integer::sum);
                }
                doc.surfaces.forEach((term, surface) -> written.computeIfAbsent(term, k -> new HashMap<>())
                        .merge(surface, 1, Integer::sum));
                total++;
            }
        }
        // a term in a quarter of all the texts ("thu gom" in a consultation on waste collection) names no theme
        Set<String> common = new HashSet<>();
        int all = total;
        documentFrequency.forEach((term, df) -> {
            if (all >= 8 && df * 4 > all) {
                common.add(term);
            }
        });
        Map<String, List<Group>> result = new LinkedHashMap<>();
        for (var unit : byUnit.entrySet()) {
            List<Doc> unitDocs = unit.getValue().stream().map(item -> docs.get(item.id())).toList();
            for (Doc doc : unitDocs) {
                doc.weigh(documentFrequency, total);
            }
            result.put(unit.getKey(), cluster(unitDocs, common, written));
        }
        return result;
    }

    /** Groups one list of contributions. */
    public List<Group> group(List<Item> items) {
        return group(Map.of("", items)).get("");
    }

    private List<Group> cluster(List<Doc> docs, Set<String> common, Map<String, Map<String, Integer>> written) {
        int n = docs.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int[] duplicateOf = new int[n];
        java.util.Arrays.fill(duplicateOf, -1);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (jaccard(docs.get(i).shingles, docs.get(j).shingles) >= NEAR_DUPLICATE) {
                    parent[find(parent, j)] = find(parent, i);
                    if (duplicateOf[j] < 0) {
                        duplicateOf[j] = i;
                    }
                }
            }
        }
        Map<Integer, List<Integer>> roots = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            roots.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> clusters = new ArrayList<>(roots.values());
        int k = clusters.size();
        // average link by the Lance-Williams update: the similarity of two groups is the mean cosine of their
        // comments' pairs, kept in one k x k table (k = groups of near duplicates) and updated on each merge, with
        // each row's nearest group remembered, so a merge costs O(k) and not a scan of every pair of comments
        float[][] between = new float[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double sum = 0;
                for (int i : clusters.get(a)) {
                    for (int j : clusters.get(b)) {
                        sum += cosine(docs.get(i).vector, docs.get(j).vector);
                    }
                }
                between[a][b] = between[b][a] = (float) (sum / ((double) clusters.get(a).size() * clusters.get(b).size()));
            }
        }
        boolean[] active = new boolean[k];
        java.util.Arrays.fill(active, true);
        int[] nearest = new int[k];
        for (int a = 0; a < k; a++) {
            nearest[a] = nearestOf(a, between, active);
        }
        for (int left = k; left > 1; left--) {
            int bestA = -1;
            for (int a = 0; a < k; a++) {
                if (active[a] && nearest[a] >= 0 && (bestA < 0 || between[a][nearest[a]] > between[bestA][nearest[bestA]])) {
                    bestA = a;
                }
            }
            if (bestA < 0 || between[bestA][nearest[bestA]] < threshold) {
                break;
            }
            int a = Math.min(bestA, nearest[bestA]);
            int b = Math.max(bestA, nearest[bestA]);
            double sizeA = clusters.get(a).size();
            double sizeB = clusters.get(b).size();
            for (int c = 0; c < k; c++) {
                if (active[c] && c != a && c != b) {
                    between[a][c] = between[c][a] = (float) ((sizeA * between[a][c] + sizeB * between[b][c]) / (sizeA + sizeB));
                }
            }
            clusters.get(a).addAll(clusters.get(b));
            clusters.set(b, List.of());
            active[b] = false;
            nearest[a] = nearestOf(a, between, active);
            for (int c = 0; c < k; c++) {
                if (!active[c] || c == a) {
                    continue;
                }
                if (nearest[c] == a || nearest[c] == b) {
                    nearest[c] = nearestOf(c, between, active);
                } else if (nearest[c] < 0 || between[c][a] > between[c][nearest[c]]) {
                    nearest[c] = a;
                }
            }
        }
        clusters.removeIf(List::isEmpty);
        List<Group> groups = new ArrayList<>();
        for (List<Integer> cluster : clusters) {
            groups.add(describe(cluster, docs, duplicateOf, common, written));
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.members().size()).thenComparing(g -> g.members().getFirst()));
        return List.copyOf(groups);
    }

    /** The active group most similar to group {@code a}, or -1 when it is the only one left. */
    private static int nearestOf(int a, float[][] between, boolean[] active) {
        int best = -1;
        for (int c = 0; c < between.length; c++) {
            if (c != a && active[c] && (best < 0 || between[a][c] > between[a][best])) {
                best = c;
            }
        }
        return best;
    }

    private Group describe(List<Integer> cluster, List<Doc> docs, int[] duplicateOf, Set<String> common,
            Map<String, Map<String, Integer>> written) {
        int representative = cluster.getFirst();
        double bestCentrality = -1;
        for (int i : cluster) {
            double sum = 0;
            for (int j : cluster) {
                sum += i == j ? 0 : cosine(docs.get(i).vector, docs.get(j).vector);
            }
            if (sum > bestCentrality) {
                bestCentrality = sum;
                representative = i;
            }
        }
        List<Long> members = new ArrayList<>();
        members.add(docs.get(representative).id);
        Map<String, Integer> sentiments = new TreeMap<>();
        int duplicates = 0;
        Map<String, Double> weight = new HashMap<>();
        Map<String, Integer> documents = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (int i : cluster) {
            Doc doc = docs.get(i);
            if (i != representative) {
                members.add(doc.id);
            }
            boolean copy = duplicateOf[i] >= 0 && cluster.contains(duplicateOf[i]);
            if (copy) {
                duplicates++;
            }
            sentiments.merge(doc.sentiment == null ? "unclear" : doc.sentiment, 1, Integer::sum);
            if (copy) {
                // a petition copied many times names the group once: its words count as one comment's
                continue;
            }
            for (var term : doc.vector.entrySet()) {
                weight.merge(term.getKey(), term.getValue(), Double::sum);
                documents.merge(term.getKey(), 1, Integer::sum);
            }
            for (var surface : doc.surfaces.entrySet()) {
                surfaces.computeIfAbsent(surface.getKey(), k -> new HashMap<>()).merge(surface.getValue(), 1, Integer::sum);
            }
        }
        int size = cluster.size();
        // a term's score: how many members use it, times its rarity; a word pair (a Vietnamese word is often two
        // syllables) counts double
        Map<String, Double> score = new HashMap<>();
        for (var term : documents.entrySet()) {
            double rarity = 1.0;
            for (int i : cluster) {
                Double r = docs.get(i).idf.get(term.getKey());
                if (r != null) {
                    rarity = r;
                    break;
                }
            }
            // by syllables, a pair is more likely a word than a syllable alone is; by words, a word is a word
            double pair = term.getKey().contains(" ") ? (segmenter == null ? 2.2 : 1.5) : 1;
            score.put(term.getKey(), term.getValue() * rarity * pair
                    + weight.get(term.getKey()) * 1e-3);
        }
        Set<String> lexical = new HashSet<>();
        Map<String, Integer> naming = new HashMap<>();
        for (int i : cluster) {
            lexical.addAll(docs.get(i).words);
            docs.get(i).named.forEach(term -> naming.merge(term, 1, Integer::sum));
        }
        List<String> ranked = score.keySet().stream()
                .filter(term -> term.contains(" ") || term.length() >= 3)
                .filter(term -> !common.contains(term))
                .filter(term -> segmenter == null || lexical.contains(term))
                // a syllable written with a capital inside a sentence in most of its comments is part of a name
                .filter(term -> term.contains(" ") || naming.getOrDefault(term, 0) * 2 < documents.get(term))
                .sorted(Comparator.comparingDouble((String term) -> -score.get(term)).thenComparing(term -> term))
                .toList();
        List<String> candidates = new ArrayList<>();
        if (segmenter != null) {
            // words that several members share, then the others
            ranked.stream().filter(term -> size == 1 || documents.get(term) >= 2).forEach(candidates::add);
            ranked.stream().filter(term -> size > 1 && documents.get(term) < 2).forEach(candidates::add);
        } else {
            // word pairs that several members share first (a Vietnamese word is often two syllables), then the other
            // word pairs, then single syllables that several members share
            ranked.stream().filter(term -> term.contains(" ") && (size == 1 || documents.get(term) >= 2))
                    .forEach(candidates::add);
            ranked.stream().filter(term -> term.contains(" ") && size > 1 && documents.get(term) < 2)
                    .forEach(candidates::add);
            ranked.stream().filter(term -> !term.contains(" ") && (size == 1 || documents.get(term) >= 2))
                    .forEach(candidates::add);
        }
        List<String> chosen = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        for (String term : candidates) {
            if (chosen.size() == 3) {
                break;
            }
            boolean covered = chosen.stream().anyMatch(c -> (" " + c + " ").contains(" " + term + " ")
                    || (" " + term + " ").contains(" " + c + " "));
            // as the group's comments write it, else as the consultation's do; a term only typed without diacritics
            // cannot be shown as written and names nothing
            String surface = surfaces.containsKey(term) ? mostWritten(surfaces.get(term))
                    : mostWritten(written.get(term));
            if (!covered && surface != null && themed(surface)) {
                chosen.add(term);
                keywords.add(surface);
            }
        }
        return new Group(List.copyOf(members), String.join(", ", keywords), List.copyOf(keywords), sentiments,
                duplicates);
    }

    /**
     * The written form used most, one with diacritics before one without; null when there is none, or when two forms
     * with diacritics are used as often: two words that fold alike ("sắp tới", "sáp nhập"), neither of which the term
     * can be said to be.
     */
    private static String mostWritten(Map<String, Integer> surfaces) {
        if (surfaces == null) {
            return null;
        }
        List<Map.Entry<String, Integer>> forms = surfaces.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -diacritics(e.getKey()))
                        .thenComparing(Map.Entry.comparingByValue(Comparator.reverseOrder())))
                .toList();
        if (forms.isEmpty()) {
            return null;
        }
        if (forms.size() > 1 && diacritics(forms.get(1).getKey()) > 0
                && forms.get(1).getValue().equals(forms.get(0).getValue())) {
            return null;
        }
        return forms.getFirst().getKey();
    }

    /** Whether a word or word pair, as written, can name a theme: not one of {@link #NO_THEME}, nor two of them. */
    static boolean themed(String surface) {
        if (NO_THEME.contains(surface)) {
            return false;
        }
        int space = surface.indexOf(' ');
        return space < 0 || !(NO_THEME.contains(surface.substring(0, space))
                && NO_THEME.contains(surface.substring(space + 1)));
    }

    private static int diacritics(String text) {
        return AccentFolding.stripDiacritics(text).equals(text) ? 0 : 1;
    }

    private Doc doc(Item item) {
        String text = Normalizer.normalize(item.text(), Normalizer.Form.NFC);
        List<String> words = new ArrayList<>();
        Set<String> named = new HashSet<>();
        boolean sentenceStart = true;
        for (Token token : normalizer.tokens(text)) {
            if (token.type() == TokenType.WORD) {
                // a capital inside a sentence starts a name ("Khánh Hòa"): its syllables name no theme alone
                boolean capital = !sentenceStart && token.start() < text.length()
                        && Character.isUpperCase(text.codePointAt(token.start()));
                for (String part : token.normal().split(" ")) {
                    if (!part.isBlank() && Character.isLetter(part.codePointAt(0))) {
                        words.add(part);
                        if (capital) {
                            named.add(AccentFolding.fold(part));
                        }
                    }
                }
                sentenceStart = false;
            } else if (token.type() == TokenType.PUNCTUATION) {
                String mark = text.substring(token.start(), Math.min(token.end(), text.length()));
                sentenceStart = mark.contains(".") || mark.contains("!") || mark.contains("?") || mark.contains(":")
                        || mark.contains("\n");
            } else {
                sentenceStart = false;
            }
        }
        List<String> folded = words.stream().map(AccentFolding::fold).toList();
        Set<String> shingles = new HashSet<>();
        int width = Math.min(3, folded.size());
        for (int i = 0; i + width <= folded.size() && width > 0; i++) {
            shingles.add(String.join(" ", folded.subList(i, i + width)));
        }
        Map<String, Integer> terms = new HashMap<>();
        Map<String, String> surfaces = new HashMap<>();
        // in a comment typed without diacritics ("tinh theo khoi"), a word written without them says nothing of how it
        // is spelt ("tính", "khối"): only the words the normaliser gave diacritics to show how they are written
        boolean typedWithDiacritics = AccentFolding.writtenWithDiacritics(text);
        for (int i = 0; i < folded.size(); i++) {
            String word = folded.get(i);
            if (STOP.contains(word) || word.length() < 2) {
                continue;
            }
            terms.merge(word, 1, Integer::sum);
            if (typedWithDiacritics || diacritics(words.get(i)) > 0) {
                surfaces.putIfAbsent(word, words.get(i));
            }
            if (i + 1 < folded.size() && !STOP.contains(folded.get(i + 1)) && folded.get(i + 1).length() >= 2
                    && !folded.get(i + 1).equals(word)) {
                String pair = word + " " + folded.get(i + 1);
                terms.merge(pair, 1, Integer::sum);
                String surface = words.get(i) + " " + words.get(i + 1);
                if (typedWithDiacritics || diacritics(words.get(i)) + diacritics(words.get(i + 1)) == 2) {
                    surfaces.putIfAbsent(pair, surface);
                }
            }
        }
        return new Doc(item.id(), item.sentiment(), shingles, terms, surfaces, words(words, folded), named);
    }

    /**
     * The terms of a comment that are words by the segmenter: its one-syllable words, its two-syllable words, the last
     * pair of a three-syllable word ("vỏ hải sản": "hải sản") and the two halves of a four-syllable one ("bảo vệ môi
     * trường"). Empty without a segmenter.
     */
    private Set<String> words(List<String> written, List<String> folded) {
        if (segmenter == null || folded.isEmpty()) {
            return Set.of();
        }
        // the segmenter reads the words as written (with their diacritics); the terms are folded
        String joined = String.join(" ", written);
        java.util.TreeMap<Integer, Integer> syllableAt = new java.util.TreeMap<>();
        int offset = 0;
        for (int i = 0; i < folded.size(); i++) {
            syllableAt.put(offset, i);
            offset += written.get(i).length() + 1;
        }
        Set<String> words = new HashSet<>();
        for (WordSegmenter.Word word : segmenter.segment(joined)) {
            Integer first = syllableAt.get(word.start());
            var last = syllableAt.floorEntry(word.end() - 1);
            if (first == null || last == null || last.getValue() < first) {
                continue;
            }
            List<String> parts = folded.subList(first, last.getValue() + 1);
            switch (parts.size()) {
                case 1 -> words.add(parts.getFirst());
                case 2 -> words.add(String.join(" ", parts));
                case 3 -> words.add(parts.get(1) + " " + parts.get(2));
                case 4 -> {
                    words.add(parts.get(0) + " " + parts.get(1));
                    words.add(parts.get(2) + " " + parts.get(3));
                }
                default -> {
                }
            }
        }
        return words;
    }

    private static final class Doc {
        final long id;
        final String sentiment;
        final Set<String> shingles;
        final Map<String, Integer> terms;
        final Map<String, String> surfaces;
        Map<String, Double> vector = Map.of();
        Map<String, Double> idf = Map.of();

        final Set<String> words;
        final Set<String> named;

        Doc(long id, String sentiment, Set<String> shingles, Map<String, Integer> terms, Map<String, String> surfaces,
                Set<String> words, Set<String> named) {
            this.words = words;
            this.named = named;
            this.id = id;
            this.sentiment = sentiment;
            this.shingles = shingles;
            this.terms = terms;
            this.surfaces = surfaces;
        }

        void weigh(Map<String, Integer> documentFrequency, int total) {
            Map<String, Double> weights = new HashMap<>();
            Map<String, Double> rarity = new HashMap<>();
            double norm = 0;
            for (var term : terms.entrySet()) {
                double w = (1 + Math.log(term.getValue()))
                        * idf(documentFrequency.getOrDefault(term.getKey(), 0), total);
                weights.put(term.getKey(), w);
                rarity.put(term.getKey(), idf(documentFrequency.getOrDefault(term.getKey(), 0), total));
                norm += w * w;
            }
            double length = Math.sqrt(norm);
            if (length > 0) {
                weights.replaceAll((k, v) -> v / length);
            }
            vector = weights;
            idf = rarity;
        }
    }

    /** Smoothed inverse document frequency: a term in every text still weighs a little. */
    private static double idf(int documentFrequency, int total) {
        return Math.log((1.0 + total) / (1.0 + documentFrequency)) + 1;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (var e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
