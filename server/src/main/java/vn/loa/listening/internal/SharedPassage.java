package vn.loa.listening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How many posts of a story repeat one passage with only a few words of their own: the same article shared by 90
 * accounts, each adding "Bức xúc quá!", is one text passed around, not 90 opinions. The passage is made of the runs of
 * {@value #RUN} words that at least half of the posts have; a post repeats it when at least {@value #MIN_SHARED} of
 * its words lie in such runs and at most {@value #OWN_WORDS} do not. Words are lower-case runs of letters and digits.
 */
final class SharedPassage {

    /** The length of a run of words compared between posts. */
    static final int RUN = 5;
    /** How many words a post must share with the others to repeat the passage. */
    static final int MIN_SHARED = 15;
    /** How many words of its own a post that repeats the passage may add. */
    static final int OWN_WORDS = vn.loa.listening.Stories.PASSAGE_OWN_WORDS;

    private SharedPassage() {
    }

    /** How many of the texts repeat the passage most of them share; 0 with fewer than three texts. */
    static int repeats(List<String> texts) {
        if (texts.size() < 3) {
            return 0;
        }
        List<List<String>> words = new ArrayList<>(texts.size());
        Map<List<String>, Integer> postsWithRun = new HashMap<>();
        for (String text : texts) {
            List<String> these = words(text);
            words.add(these);
            Set<List<String>> runs = new HashSet<>();
            for (int i = 0; i + RUN <= these.size(); i++) {
                runs.add(these.subList(i, i + RUN));
            }
            runs.forEach(run -> postsWithRun.merge(run, 1, Integer::sum));
        }
        int half = (texts.size() + 1) / 2;
        int repeating = 0;
        for (List<String> these : words) {
            boolean[] shared = new boolean[these.size()];
            for (int i = 0; i + RUN <= these.size(); i++) {
                if (postsWithRun.getOrDefault(these.subList(i, i + RUN), 0) >= half) {
                    java.util.Arrays.fill(shared, i, i + RUN, true);
                }
            }
            int inRuns = 0;
            for (boolean word : shared) {
                inRuns += word ? 1 : 0;
            }
            if (inRuns >= MIN_SHARED && these.size() - inRuns <= OWN_WORDS) {
                repeating++;
            }
        }
        return repeating;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }
}
