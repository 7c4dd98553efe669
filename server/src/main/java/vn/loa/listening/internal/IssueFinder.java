package vn.loa.listening.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongToDoubleFunction;
import vn.loa.listening.PostLabels;

/**
 * Finds the emerging issues among the posts of the last 24 hours: what is new, not which series is large.
 *
 * <p>A word (or pair of words) is <em>growing</em> when, in the last 30 minutes, hour or day, it is in many more
 * posts, from enough different authors, than its share of the 28 days before would give at this hour's volume (and
 * than its share of ordinary Vietnamese text, so that a young installation with little history does not take every
 * common word for news). Each growing word gathers the posts of the day that hold it; words whose posts are largely
 * the same posts are one issue, so one burst seen through several words is one issue, titled by its strongest
 * words. Old stories that merely share the agency or place of a burst do not hold its new words and stay out.
 *
 * <p>Pure: the caller loads the posts and the baseline; the same input gives the same issues.
 */
final class IssueFinder {

    /** The windows, in minutes, shortest first. */
    static final int[] WINDOWS = {30, 60, 1440};
    /** Posts a word needs in a window of 30 or 60 minutes, and in a day. */
    static final int MIN_POSTS_SHORT = 6;
    static final int MIN_POSTS_DAY = 10;
    /** Different authors a word needs: one person posting ten times is not a burst. */
    static final int MIN_AUTHORS = 4;
    /** How many times its normal count a word must reach. */
    static final double MIN_GROWTH = 4;
    /** How far above normal, in standard deviations of a count of the expected size. */
    static final double MIN_BURST = 3;
    /** Words followed at most (the strongest). */
    static final int MAX_WORDS = 60;
    /**
     * Words of one burst (most of their posts the same) followed before a further word of it must bring posts of its
     * own: a long text shared many times has dozens of new words, which would otherwise take every place and hide a
     * smaller burst.
     */
    static final int WORDS_PER_BURST = 8;
    /** Two words are one issue when this share of the smaller one's posts hold both. */
    static final double SAME_ISSUE = 0.5;
    static final double MAX_GROWTH = 100;
    /** A word whose posts are this much inside an issue's core posts widens the core with the rest of them. */
    static final double CORE_SHARE = 0.8;

    /**
     * A post of the last 24 hours.
     *
     * @param author who wrote it (null: unknown, counted as a voice of its own)
     * @param story its story, 0 when none
     * @param register how it reads: {@code news}, {@code official} or {@code comment} (a citizen's opinion)
     * @param terms the keys of its words and pairs of words
     * @param surfaces the written form of each of its terms, by key
     */
    record RecentPost(long id, Instant at, String author, long story, String sentiment, String register,
            List<String> agencies, List<String> places, String topic, String domain, String platform, String text,
            Set<Long> terms, Map<Long, String> surfaces) {

        boolean negative() {
            return "negative".equals(sentiment);
        }

        /** A citizen's comment: its tone is opinion (a news report's is the tone of the events it reports). */
        boolean comment() {
            return PostLabels.COMMENT.equals(register);
        }

        /**
         * Who wrote it, as a story counts its authors: one name on one platform is one voice (the same name on two
         * platforms may be two people); an unknown or blank author is a voice of its own.
         */
        String voice() {
            return author == null || author.isBlank() ? "#" + id : platform + "|" + author.strip();
        }
    }

    /**
     * What normal looks like for a scope.
     *
     * @param documents how many posts of the 28 days before the last 24 hours were read for the frequencies
     * @param documentFrequency in how many of them each term is
     * @param normalVolume per window, the posts a normal day has in that window at this hour (28 days' mean)
     * @param background a term's share of ordinary Vietnamese text (the keyword background)
     */
    record Baseline(int documents, Map<Long, Integer> documentFrequency, double[] normalVolume,
            LongToDoubleFunction background) {
    }

    /**
     * An issue found.
     *
     * @param words what is new, strongest first
     * @param windowMinutes the shortest window in which it stands out
     * @param recent its posts in that window
     * @param expected its posts in that window on a normal day at this hour: how often its strongest word appeared
     * @param negativeShare the share of negative posts among its citizens' comments (0 when it has none): a day of
     *     accident reports is not public anger
     * @param comments how many of its posts are citizens' comments
     * @param posts its posts of the last 24 hours, newest first
     * @param examples up to three posts that show it: the ones holding most of its words, one per story
     */
    record Found(List<String> words, int windowMinutes, long recent, double expected, double growth, double burst,
            double score, double negativeShare, long comments, long authors, long stories, Instant firstSeen,
            List<RecentPost> posts,
            List<RecentPost> examples, String agency, List<String> places, String domain, String topic) {
    }

    private record Word(long key, String surface, BitSet posts, int window, double burst, double[] expected) {
    }

    private IssueFinder() {
    }

    /** The issues of the posts of the last 24 hours before {@code now}, highest score first. */
    static List<Found> find(List<RecentPost> recent, Baseline baseline, Instant now) {
        int n = recent.size();
        if (n == 0) {
            return List.of();
        }
        // which posts are in each window, and how many
        int[] windowOf = new int[n]; // the index of the shortest window holding the post
        double[] volume = new double[WINDOWS.length];
        for (int i = 0; i < n; i++) {
            RecentPost post = recent.get(i);
            int w = WINDOWS.length - 1;
            for (int j = 0; j < WINDOWS.length; j++) {
                if (!post.at().isBefore(now.minusSeconds(WINDOWS[j] * 60L))) {
                    w = j;
                    break;
                }
            }
            windowOf[i] = w;
            for (int j = w; j < WINDOWS.length; j++) {
                volume[j]++;
            }
        }
        // every term a number, in one pass; then the posts of each term that is in enough posts to grow (most terms
        // are in one or two: a set of posts for each of them would be most of the work)
        TermNumbers numbers = new TermNumbers(n * 8);
        int[][] termsOfPost = new int[n][];
        for (int i = 0; i < n; i++) {
            Set<Long> terms = recent.get(i).terms();
            int[] ids = new int[terms.size()];
            int k = 0;
            for (long term : terms) {
                ids[k++] = numbers.number(term);
            }
            termsOfPost[i] = ids;
        }
        int[] frequency = new int[numbers.size()];
        for (int[] ids : termsOfPost) {
            for (int id : ids) {
                frequency[id]++;
            }
        }
        BitSet[] postsOf = new BitSet[numbers.size()];
        for (int i = 0; i < n; i++) {
            for (int id : termsOfPost[i]) {
                if (frequency[id] >= MIN_POSTS_SHORT) {
                    if (postsOf[id] == null) {
                        postsOf[id] = new BitSet(n);
                    }
                    postsOf[id].set(i);
                }
            }
        }
        Voices voices = new Voices(recent, windowOf);
        List<Word> growing = new ArrayList<>();
        for (int id = 0; id < postsOf.length; id++) {
            BitSet posts = postsOf[id];
            if (posts == null) {
                continue;
            }
            long term = numbers.term(id);
            // as the first post that holds it writes it
            String surface = recent.get(posts.nextSetBit(0)).surfaces().get(term);
            if (surface == null || surface.chars().noneMatch(Character::isLetter)) {
                continue;
            }
            double share = share(term, baseline);
            double[] expected = new double[WINDOWS.length];
            long[] inWindow = voices.posts(posts);
            int shortest = -1;
            double best = 0;
            for (int w = 0; w < WINDOWS.length; w++) {
                expected[w] = share * Math.max(volume[w], baseline.normalVolume()[w]);
                double burst = burst(inWindow[w], expected[w]);
                // the authors are counted last: most words fail on their posts alone
                if (inWindow[w] >= (WINDOWS[w] < 1440 ? MIN_POSTS_SHORT : MIN_POSTS_DAY)
                        && inWindow[w] >= MIN_GROWTH * expected[w] && burst >= MIN_BURST
                        && voices.count(posts, w).voices() >= MIN_AUTHORS) {
                    if (shortest < 0) {
                        shortest = w;
                    }
                    best = Math.max(best, burst);
                }
            }
            if (shortest >= 0) {
                growing.add(new Word(term, surface, posts, shortest, best, expected));
            }
        }
        growing.sort(Comparator.comparingDouble(Word::burst).reversed().thenComparing(Word::surface));
        growing = strongest(growing);
        // one issue per burst, grown from its most telling word (the newest: the highest rise over its normal count):
        // a later word joins an issue when at least half of its posts are the issue's core posts; the core grows by the
        // posts of a joining word that is new (rare before the last day) or almost wholly inside it, so a common word
        // that two bursts share ("bệnh viện") joins one of them without bringing the other burst's posts in
        List<Word> seeds = new ArrayList<>(growing);
        seeds.sort(Comparator.comparingDouble((Word w) -> -w.posts().cardinality() / Math.max(w.expected()[WINDOWS.length - 1], 0.01))
                .thenComparing(Comparator.comparingDouble(Word::burst).reversed()).thenComparing(Word::surface));
        List<List<Word>> kept = new ArrayList<>();
        java.util.Set<Word> assigned = new java.util.HashSet<>();
        for (Word seed : seeds) {
            if (assigned.contains(seed)) {
                continue;
            }
            List<Word> group = new ArrayList<>(List.of(seed));
            assigned.add(seed);
            BitSet core = (BitSet) seed.posts().clone();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Word word : seeds) {
                    if (assigned.contains(word)) {
                        continue;
                    }
                    BitSet inside = (BitSet) word.posts().clone();
                    inside.and(core);
                    double share = (double) inside.cardinality() / word.posts().cardinality();
                    if (share >= SAME_ISSUE) {
                        group.add(word);
                        assigned.add(word);
                        boolean novel = word.expected()[WINDOWS.length - 1] < 1;
                        if (novel || share >= CORE_SHARE) {
                            core.or(word.posts());
                            grew = true;
                        }
                    }
                }
            }
            group.sort(Comparator.comparingDouble(Word::burst).reversed().thenComparing(Word::surface));
            kept.add(group);
        }
        List<Found> found = new ArrayList<>();
        for (List<Word> group : kept) {
            found.add(issue(recent, group, voices));
        }
        found.sort(Comparator.comparingDouble(Found::score).reversed().thenComparing(f -> f.words().get(0)));
        return found;
    }

    /**
     * The words followed: the strongest first, at most {@value #MAX_WORDS}; a word alike (most of its posts the same,
     * as {@link #SAME_ISSUE} reads it) to {@value #WORDS_PER_BURST} words already followed is left out when those
     * followed hold almost all its posts ({@link #CORE_SHARE}): it would add nothing to their issue but take the place
     * of another burst's word.
     */
    private static List<Word> strongest(List<Word> sorted) {
        List<Word> kept = new ArrayList<>();
        List<long[]> keptPosts = new ArrayList<>();
        int[] keptSizes = new int[MAX_WORDS];
        BitSet covered = new BitSet();
        for (Word word : sorted) {
            if (kept.size() == MAX_WORDS) {
                break;
            }
            long[] posts = word.posts().toLongArray();
            int size = word.posts().cardinality();
            int alike = 0;
            for (int k = 0; k < kept.size() && alike < WORDS_PER_BURST; k++) {
                long[] other = keptPosts.get(k);
                int both = 0;
                for (int i = Math.min(posts.length, other.length) - 1; i >= 0; i--) {
                    both += Long.bitCount(posts[i] & other[i]);
                }
                if (both >= SAME_ISSUE * Math.min(size, keptSizes[k])) {
                    alike++;
                }
            }
            if (alike >= WORDS_PER_BURST) {
                BitSet inside = (BitSet) word.posts().clone();
                inside.and(covered);
                if (inside.cardinality() >= CORE_SHARE * size) {
                    continue;
                }
            }
            keptSizes[kept.size()] = size;
            kept.add(word);
            keptPosts.add(posts);
            covered.or(word.posts());
        }
        return kept;
    }

    private record Count(long posts, long voices) {
    }

    /** Numbers terms in the order they are first seen, in a table of longs: no term is boxed. */
    private static final class TermNumbers {

        private long[] keys;
        private int[] numbers;
        private long[] terms = new long[64];
        private int size;

        TermNumbers(int expected) {
            int capacity = 64;
            while (capacity < expected * 2) {
                capacity <<= 1;
            }
            keys = new long[capacity];
            numbers = new int[capacity];
            java.util.Arrays.fill(numbers, -1);
        }

        /** The term's number, a new one if it was not seen. */
        int number(long term) {
            int mask = keys.length - 1;
            int slot = slot(term, mask);
            while (numbers[slot] >= 0) {
                if (keys[slot] == term) {
                    return numbers[slot];
                }
                slot = (slot + 1) & mask;
            }
            if (size == terms.length) {
                terms = java.util.Arrays.copyOf(terms, size * 2);
            }
            keys[slot] = term;
            numbers[slot] = size;
            terms[size] = term;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        long term(int number) {
            return terms[number];
        }

        int size() {
            return size;
        }

        private void grow() {
            keys = new long[keys.length * 2];
            numbers = new int[keys.length];
            java.util.Arrays.fill(numbers, -1);
            int mask = keys.length - 1;
            for (int number = 0; number < size; number++) {
                int slot = slot(terms[number], mask);
                while (numbers[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = terms[number];
                numbers[slot] = number;
            }
        }

        private static int slot(long term, int mask) {
            long mixed = term * 0x9E3779B97F4A7C15L;
            return (int) (mixed ^ (mixed >>> 32)) & mask;
        }
    }

    /**
     * Counts the posts of a set in each window, and their different authors: each author is a number, so counting them
     * marks an array instead of hashing names.
     */
    private static final class Voices {

        private final int[] windowOf;
        private final int[] voiceOf;
        private final int[] seen;
        private int stamp;

        Voices(List<RecentPost> recent, int[] windowOf) {
            this.windowOf = windowOf;
            this.voiceOf = new int[recent.size()];
            Map<String, Integer> numbers = new HashMap<>();
            for (int i = 0; i < voiceOf.length; i++) {
                Integer number = numbers.putIfAbsent(recent.get(i).voice(), numbers.size());
                voiceOf[i] = number == null ? numbers.size() - 1 : number;
            }
            this.seen = new int[numbers.size()];
        }

        /** The posts of a set in each window (a post of a shorter window is in the longer ones too). */
        long[] posts(BitSet posts) {
            long[] counts = new long[WINDOWS.length];
            for (int i = posts.nextSetBit(0); i >= 0; i = posts.nextSetBit(i + 1)) {
                counts[windowOf[i]]++;
            }
            for (int w = 1; w < counts.length; w++) {
                counts[w] += counts[w - 1];
            }
            return counts;
        }

        Count count(BitSet posts, int window) {
            stamp++;
            long count = 0;
            long voices = 0;
            for (int i = posts.nextSetBit(0); i >= 0; i = posts.nextSetBit(i + 1)) {
                if (windowOf[i] <= window) {
                    count++;
                    if (seen[voiceOf[i]] != stamp) {
                        seen[voiceOf[i]] = stamp;
                        voices++;
                    }
                }
            }
            return new Count(count, voices);
        }
    }

    /** A term's share of normal posts: of the scope's 28 days, and at least of ordinary text. */
    static double share(long term, Baseline baseline) {
        double own = (baseline.documentFrequency().getOrDefault(term, 0) + 0.5) / (baseline.documents() + 1.0);
        return Math.max(own, baseline.background().applyAsDouble(term));
    }

    /** How far a count stands above its expected size, in standard deviations of a Poisson count of that size. */
    static double burst(double observed, double expected) {
        return (observed - expected) / Math.sqrt(expected + 1);
    }

    private static Found issue(List<RecentPost> recent, List<Word> group, Voices voices) {
        // its posts: those holding two of its words, or one word that is new (rare before the last day), so that a
        // common word that grew with the burst does not bring in every post that uses it
        BitSet all = new BitSet(recent.size());
        int[] held = new int[recent.size()];
        for (Word word : group) {
            boolean novel = word.expected()[WINDOWS.length - 1] < 1;
            for (int i = word.posts().nextSetBit(0); i >= 0; i = word.posts().nextSetBit(i + 1)) {
                held[i]++;
                if (novel || group.size() == 1) {
                    all.set(i);
                }
            }
        }
        for (int i = 0; i < held.length; i++) {
            if (held[i] >= 2) {
                all.set(i);
            }
        }
        // its words: the strongest; of a word and a longer phrase holding it, the phrase when it is nearly as common
        List<String> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Long> wordKeys = new ArrayList<>();
        for (Word word : group) {
            wordKeys.add(word.key());
            String surface = word.surface();
            int count = word.posts().cardinality();
            boolean inside = false;
            boolean replaced = false;
            for (int k = 0; k < words.size(); k++) {
                String chosen = words.get(k);
                if ((" " + chosen + " ").contains(" " + surface + " ")) {
                    inside = true;
                } else if ((" " + surface + " ").contains(" " + chosen + " ")) {
                    if (!replaced && count >= 0.8 * counts.get(k)) {
                        words.set(k, surface);
                        counts.set(k, count);
                        replaced = true;
                    } else {
                        inside = true;
                    }
                }
            }
            if (!inside && !replaced && words.size() < 5) {
                words.add(surface);
                counts.add(count);
            }
        }
        // the shortest window in which the whole issue stands out, else the day
        int window = WINDOWS.length - 1;
        double expected = 0;
        long inWindow = 0;
        double best = 0;
        for (int w = WINDOWS.length - 1; w >= 0; w--) {
            // normal for the issue: how often its most telling word (the strongest) appeared before
            double e = group.get(0).expected()[w];
            Count count = voices.count(all, w);
            double burst = burst(count.posts(), e);
            best = Math.max(best, burst);
            boolean stands = count.posts() >= (WINDOWS[w] < 1440 ? MIN_POSTS_SHORT : MIN_POSTS_DAY)
                    && count.voices() >= MIN_AUTHORS && burst >= MIN_BURST;
            if (stands || w == WINDOWS.length - 1) {
                window = w;
                expected = e;
                inWindow = count.posts();
            }
        }
        List<RecentPost> posts = new ArrayList<>();
        for (int i = all.nextSetBit(0); i >= 0; i = all.nextSetBit(i + 1)) {
            posts.add(recent.get(i));
        }
        return summarise(posts, words, wordKeys, WINDOWS[window], inWindow, expected, best);
    }

    /**
     * An issue found only as a rise of a series (an agency, a place, a domain, a topic) with no word that is new:
     * titled by the words that most set its posts apart from normal.
     */
    static Found ofSeries(List<RecentPost> members, Baseline baseline, double expected, double burst) {
        // the terms counted by number (no term boxed); a term's written form is that of the first post holding it
        TermNumbers numbers = new TermNumbers(members.size() * 8);
        int[] counts = new int[1024];
        int[] firstPost = new int[1024];
        for (int i = 0; i < members.size(); i++) {
            for (long term : members.get(i).terms()) {
                int id = numbers.number(term);
                if (id >= counts.length) {
                    counts = java.util.Arrays.copyOf(counts, counts.length * 2);
                    firstPost = java.util.Arrays.copyOf(firstPost, firstPost.length * 2);
                }
                if (counts[id]++ == 0) {
                    firstPost[id] = i;
                }
            }
        }
        int n = members.size();
        Map<Long, Integer> often = new HashMap<>();
        Map<Long, String> surfaces = new HashMap<>();
        for (int id = 0; id < numbers.size(); id++) {
            if (counts[id] >= Math.max(2, n / 5)) {
                long term = numbers.term(id);
                String surface = members.get(firstPost[id]).surfaces().get(term);
                if (surface != null && surface.chars().anyMatch(Character::isLetter)) {
                    often.put(term, counts[id]);
                    surfaces.put(term, surface);
                }
            }
        }
        List<Map.Entry<Long, Integer>> ranked = new ArrayList<>(often.entrySet());
        Map<Long, Double> lift = new HashMap<>();
        for (Map.Entry<Long, Integer> e : ranked) {
            double rate = (double) e.getValue() / n;
            lift.put(e.getKey(), e.getValue() * Math.log(rate / share(e.getKey(), baseline)));
        }
        ranked.sort(Comparator.comparingDouble((Map.Entry<Long, Integer> e) -> lift.get(e.getKey())).reversed()
                .thenComparing(e -> surfaces.get(e.getKey())));
        List<String> words = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : ranked) {
            String surface = surfaces.get(e.getKey());
            boolean overlaps = words.stream().anyMatch(w -> (" " + w + " ").contains(" " + surface + " ")
                    || (" " + surface + " ").contains(" " + w + " "));
            if (!overlaps && lift.get(e.getKey()) > 0) {
                words.add(surface);
                keys.add(e.getKey());
            }
            if (words.size() == 3) {
                break;
            }
        }
        List<RecentPost> posts = new ArrayList<>(members);
        return summarise(posts, words, keys, 1440, n, expected, burst);
    }

    private static Found summarise(List<RecentPost> posts, List<String> lowerCase, List<Long> wordKeys, int window,
            long inWindow, double expected, double best) {
        List<String> words = lowerCase.stream().map(word -> asWritten(word, posts)).toList();
        Set<String> voices = new HashSet<>();
        Set<Long> stories = new HashSet<>();
        long negative = 0;
        long comments = 0;
        Instant first = null;
        Map<String, Long> agencies = new HashMap<>();
        Map<String, Long> places = new HashMap<>();
        Map<String, Long> domains = new HashMap<>();
        Map<String, Long> topics = new HashMap<>();
        for (RecentPost post : posts) {
            voices.add(post.voice());
            stories.add(post.story() == 0 ? -post.id() : post.story());
            if (post.comment()) {
                comments++;
                negative += post.negative() ? 1 : 0;
            }
            first = first == null || post.at().isBefore(first) ? post.at() : first;
            post.agencies().forEach(a -> agencies.merge(a, 1L, Long::sum));
            post.places().forEach(p -> places.merge(p, 1L, Long::sum));
            if (post.domain() != null && !post.domain().equals("other") && !post.domain().equals("unclear")) {
                domains.merge(post.domain(), 1L, Long::sum);
            }
            if (post.topic() != null && !post.topic().equals("unclear")) {
                topics.merge(post.topic(), 1L, Long::sum);
            }
        }
        posts.sort(Comparator.comparing(RecentPost::at).reversed().thenComparing(RecentPost::id, Comparator.reverseOrder()));
        double negativeShare = comments == 0 ? 0 : (double) negative / comments;
        double growth = Math.min(MAX_GROWTH, inWindow / Math.max(expected, 1.0 / MAX_GROWTH));
        // ranked up by how much of it is negative opinion: negative comments among all its posts
        double negativeOpinion = posts.isEmpty() ? 0 : (double) negative / posts.size();
        return new Found(words, window, inWindow, expected, growth, best, best * (0.5 + negativeOpinion),
                negativeShare, comments, voices.size(), stories.size(), first, posts, examples(posts, wordKeys),
                top(agencies, posts.size(), 0.3), leading(places, posts.size(), 0.2, 3), top(domains, posts.size(), 0.5),
                top(topics, posts.size(), 0.5));
    }

    /** A word as its posts write it when they write it in capitals (an abbreviation: BHYT), else in lower case. */
    static String asWritten(String word, List<RecentPost> posts) {
        int upper = 0;
        int seen = 0;
        for (RecentPost post : posts) {
            String text = post.text();
            int at = text.toLowerCase(Locale.ROOT).indexOf(word);
            if (at < 0 || text.length() != text.toLowerCase(Locale.ROOT).length()) {
                continue;
            }
            String written = text.substring(at, at + word.length());
            seen++;
            upper += written.equals(written.toUpperCase(Locale.ROOT)) && !written.equals(word) ? 1 : 0;
            if (seen == 20) {
                break;
            }
        }
        return seen > 0 && upper * 2 > seen ? word.toUpperCase(Locale.ROOT) : word;
    }

    /** Up to three posts holding the most of the issue's words, one per story, newest first among equals. */
    private static List<RecentPost> examples(List<RecentPost> posts, List<Long> words) {
        List<RecentPost> ranked = new ArrayList<>(posts);
        Map<Long, Integer> held = new HashMap<>();
        for (RecentPost post : posts) {
            int count = 0;
            for (long word : words) {
                count += post.terms().contains(word) ? 1 : 0;
            }
            held.put(post.id(), count);
        }
        ranked.sort(Comparator.comparingInt((RecentPost p) -> held.get(p.id())).reversed()
                .thenComparing(RecentPost::at, Comparator.reverseOrder()));
        List<RecentPost> examples = new ArrayList<>();
        Set<Long> stories = new HashSet<>();
        Set<String> texts = new HashSet<>();
        int strongest = ranked.isEmpty() ? 0 : held.get(ranked.get(0).id());
        // first one per story among the posts that hold at least half as many of its words as the best, then others
        for (RecentPost post : ranked) {
            if (held.get(post.id()) * 2 >= strongest && (post.story() == 0 || stories.add(post.story()))
                    && texts.add(post.text()) && examples.size() < 3) {
                examples.add(post);
            }
        }
        for (RecentPost post : ranked) {
            if (examples.size() < 3 && !examples.contains(post) && texts.add(post.text())) {
                examples.add(post);
            }
        }
        return examples;
    }

    private static String top(Map<String, Long> counts, int total, double share) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= share * total)
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static List<String> leading(Map<String, Long> counts, int total, double share, int limit) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= share * total)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

}
