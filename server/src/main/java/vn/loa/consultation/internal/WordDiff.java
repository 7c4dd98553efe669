package vn.loa.consultation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.loa.consultation.ArticleDiff.Mark;
import vn.loa.consultation.ArticleDiff.Segment;

/**
 * A word-level difference of two texts: the longest common subsequence of their words (split on white space; a line break is a word of its own), then the
 * runs of kept, removed and added words. Quadratic in the words of one article, which is a few hundred at most.
 */
final class WordDiff {

    /** Both sides of a difference: the older text's segments and the newer text's. */
    record Sides(List<Segment> before, List<Segment> after) {
    }

    private WordDiff() {
    }

    static Sides of(String older, String newer) {
        String[] a = words(older);
        String[] b = words(newer);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        Runs before = new Runs();
        Runs after = new Runs();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                before.add(Mark.SAME, a[i++]);
                after.add(Mark.SAME, b[j++]);
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                after.add(Mark.ADDED, b[j++]);
            } else {
                before.add(Mark.REMOVED, a[i++]);
            }
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
