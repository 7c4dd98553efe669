package vn.loa.listening;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.loa.nlp.Fingerprint;

/** Variants of one report, as a burst shares it with reactions before it and remarks after it, for tests of stories. */
public final class StoryVariants {

    private static final String[] REACTIONS = {"", "Bức xúc quá!", "Chia sẻ cho mọi người biết.", "Ở xã mình cũng vậy.",
        "Có ai bị như này chưa?", "Đề nghị cơ quan chức năng trả lời.", "Thật không thể chấp nhận.", "Quá tệ!"};
    private static final String[] REMARKS = {"", "Ai biết thì chỉ giúp.", "Cần minh bạch.", "Mong sớm được sửa.",
        "Nguy hiểm lắm."};

    private StoryVariants() {
    }

    /**
     * Three variants of the report: two that the import's look-up does not find near each other (two stories), and
     * a third it finds near both (the post that shows they are one); null if the variants hold no such three.
     */
    /**
     * As {@link #twoStoriesAndABridge(String)}, for the first of the reports {@code report.apply(0)}, {@code 1}, ... that
     * has such variants: whether one has depends on the fingerprints of its words, and so on a marker that differs
     * from run to run.
     */
    public static String[] twoStoriesAndABridge(java.util.function.IntFunction<String> report) {
        for (int k = 0; k < 200; k++) {
            String[] texts = twoStoriesAndABridge(report.apply(k));
            if (texts != null) {
                return texts;
            }
        }
        return null;
    }

    public static String[] twoStoriesAndABridge(String report) {
        List<String> texts = new ArrayList<>();
        for (String reaction : REACTIONS) {
            for (String remark : REMARKS) {
                texts.add(String.join(" ", Stream.of(reaction, report, remark).filter(s -> !s.isEmpty()).toList()));
            }
        }
        for (String a : texts) {
            for (String b : texts) {
                if (findable(a, b) || Fingerprint.nearDuplicates(Fingerprint.of(a), Fingerprint.of(b))) {
                    continue;
                }
                for (String c : texts) {
                    if (findable(c, a) && findable(c, b)) {
                        return new String[] {a, b, c};
                    }
                }
            }
        }
        return null;
    }

    /** Whether the import's look-up of stored posts finds one from the other: within 6 bits, a 16-bit band shared. */
    public static boolean findable(String a, String b) {
        long x = Fingerprint.of(a);
        long y = Fingerprint.of(b);
        return Fingerprint.nearDuplicates(x, y) && shareBand(x, y);
    }

    /** Whether two fingerprints hold the same value in one of their four 16-bit bands. */
    public static boolean shareBand(long a, long b) {
        for (int shift = 0; shift < 64; shift += 16) {
            if (((a >>> shift) & 0xFFFF) == ((b >>> shift) & 0xFFFF)) {
                return true;
            }
        }
        return false;
    }
}
