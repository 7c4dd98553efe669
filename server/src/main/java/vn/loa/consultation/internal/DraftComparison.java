package vn.loa.consultation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.consultation.ArticleDiff;
import vn.loa.consultation.ArticleDiff.Change;
import vn.loa.consultation.ArticleDiff.Mark;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.UnitKind;

/**
 * Compares two versions article by article: articles are matched by key ({@code a12a}), each article's whole text
 * (heading, clauses, points, with their numbers) is compared word by word. Articles come in the newer version's order,
 * a removed one where it stood in the older.
 */
final class DraftComparison {

    private DraftComparison() {
    }

    static List<ArticleDiff> compare(List<DraftUnit> older, List<DraftUnit> newer) {
        Map<String, Article> before = articles(older);
        Map<String, Article> after = articles(newer);
        List<ArticleDiff> result = new ArrayList<>();
        List<String> olderKeys = new ArrayList<>(before.keySet());
        int olderIndex = 0;
        for (String key : after.keySet()) {
            int at = olderKeys.indexOf(key);
            if (at >= 0) {
                for (; olderIndex < at; olderIndex++) {
                    String removed = olderKeys.get(olderIndex);
                    if (!after.containsKey(removed)) {
                        result.add(removed(removed, before.get(removed)));
                    }
                }
                olderIndex = Math.max(olderIndex, at + 1);
            }
            Article next = after.get(key);
            Article previous = before.get(key);
            if (previous == null) {
                result.add(new ArticleDiff(key, next.label, Change.ADDED, List.of(),
                        List.of(new ArticleDiff.Segment(Mark.ADDED, next.text))));
            } else {
                WordDiff.Sides sides = WordDiff.of(previous.text, next.text);
                boolean same = sides.before().stream().allMatch(s -> s.mark() == Mark.SAME)
                        && sides.after().stream().allMatch(s -> s.mark() == Mark.SAME);
                result.add(new ArticleDiff(key, next.label, same ? Change.UNCHANGED : Change.CHANGED, sides.before(),
                        sides.after()));
            }
        }
        for (; olderIndex < olderKeys.size(); olderIndex++) {
            String removed = olderKeys.get(olderIndex);
            if (!after.containsKey(removed)) {
                result.add(removed(removed, before.get(removed)));
            }
        }
        return result;
    }

    private static ArticleDiff removed(String key, Article article) {
        return new ArticleDiff(key, article.label, Change.REMOVED,
                List.of(new ArticleDiff.Segment(Mark.REMOVED, article.text)), List.of());
    }

    private record Article(String label, String text) {
    }

    /** Each article's full text: its heading and body, then each clause and point on its own line with its number. */
    static Map<String, Article> articles(List<DraftUnit> units) {
        Map<Long, DraftUnit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<Long, String> articleOf = new LinkedHashMap<>();
        for (DraftUnit unit : units) {
            if (unit.kind() == UnitKind.ARTICLE) {
                articleOf.put(unit.id(), unit.key());
                labels.put(unit.key(), unit.label());
                StringBuilder text = new StringBuilder(unit.label());
                if (unit.heading() != null) {
                    text.append(' ').append(unit.heading());
                }
                if (!unit.body().isEmpty()) {
                    text.append('\n').append(unit.body());
                }
                texts.put(unit.key(), text);
            } else if ((unit.kind() == UnitKind.CLAUSE || unit.kind() == UnitKind.POINT) && unit.parentId() != null) {
                String key = articleOf.get(unit.parentId());
                if (key != null) {
                    articleOf.put(unit.id(), key);
                    texts.get(key).append('\n').append(unit.label()).append(' ').append(unit.body());
                }
            }
        }
        Map<String, Article> articles = new LinkedHashMap<>();
        texts.forEach((key, text) -> articles.put(key, new Article(labels.get(key), text.toString())));
        return articles;
    }
}
