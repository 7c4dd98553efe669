package vn.loa.consultation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.loa.consultation.ArticleDiff.Mark;
import vn.loa.consultation.ArticleDiff.Segment;

/**
 * A word-level difference of two texts: the longest common subsequence of their words (split on white space; a line
 * break is a word of its own), then the runs of kept, removed and added words. The common start and end are set aside
 * first; the rest is quadratic in its words (an article has a few hundred), and beyond {@link #MAX_CELLS} pairs it is
 * shown as replaced whole.
 */
final class WordDiff {

    /** Both sides of a difference: the older text's segments and the newer text's. */
    record Sides(List<Segment> before, List<Segment> after) {
    }

    private WordDiff() {
    }

    /** Above this many word pairs (after the common start and end are set aside) the middle is shown as replaced. */
    static final long MAX_CELLS = 4_000_000;

    static Sides of(String older, String newer) {
        String[] a = words(older);
        String[] b = words(newer);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int end = 0;
        while (end < a.length - start && end < b.length - start && a[a.length - 1 - end].equals(b[b.length - 1 - end])) {
            end++;
        }
        Runs before = new Runs();
        Runs after = new Runs();
        for (int k = 0; k < start; k++) {
            before.add(Mark.SAME, a[k]);
            after.add(Mark.SAME, b[k]);
        }
        int n = a.length - start - end;
        int m = b.length - start - end;
        if ((long) n * m > MAX_CELLS) {
            for (int k = 0; k < n; k++) {
                before.add(Mark.REMOVED, a[start + k]);
            }
            for (int k = 0; k < m; k++) {
                after.add(Mark.ADDED, b[start + k]);
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a[start + i].equals(b[start + j]) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[start + i].equals(b[start + j])) {
                    before.add(Mark.SAME, a[start + i++]);
                    after.add(Mark.SAME, b[start + j++]);
                } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    after.add(Mark.ADDED, b[start + j++]);
                } else {
                    before.add(Mark.REMOVED, a[start + i++]);
                }
            }
        }
        for (int k = end; k > 0; k--) {
            before.add(Mark.SAME, a[a.length - k]);
            after.add(Mark.SAME, b[b.length - k]);
        }
        return new Sides(before.segments, after.segments);
    }

    private static String[] words(String text) {
        List<String> words = new ArrayList<>();
        for (String line : (text == null ? "" : text.strip()).split("\n")) {
            if (!words.isEmpty()) {
                words.add("\n");
            }
            Arrays.stream(line.strip().split("[ \\t]+")).filter(w -> !w.isEmpty()).forEach(words::add);
        }
        return words.toArray(String[]::new);
    }

    private static final class Runs {
        final List<Segment> segments = new ArrayList<>();

        void add(Mark mark, String word) {
            int last = segments.size() - 1;
            if (last >= 0 && segments.get(last).mark() == mark) {
                segments.set(last, new Segment(mark, segments.get(last).text() + join(segments.get(last).text(), word) + word));
            } else {
                String previous = last >= 0 ? segments.get(last).text() : "";
                segments.add(new Segment(mark, (last >= 0 ? join(previous, word) : "") + word));
            }
        }

        private static String join(String previous, String word) {
            return previous.endsWith("\n") || word.equals("\n") ? "" : " ";
        }
    }
}
