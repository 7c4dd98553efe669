package vn.loa.consultation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.consultation.Contribution;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.UnitKind;

/**
 * A version's parts arranged for reading: headings (chapters, sections), the preamble, and each article with its
 * clauses and points and the contributions about it.
 */
final class DraftLayout {

    private DraftLayout() {
    }

    /** One block of the page. {@code parts} are an article's clauses and points, in order. */
    record Block(DraftUnit unit, List<DraftUnit> parts, List<Contribution> contributions, long count) {

        public boolean heading() {
            return unit.kind() == UnitKind.CHAPTER || unit.kind() == UnitKind.SECTION;
        }

        public boolean article() {
            return unit.kind() == UnitKind.ARTICLE;
        }

        public boolean preamble() {
            return unit.kind() == UnitKind.PREAMBLE;
        }

        /** The id of the article on the page ("dieu-12a"). */
        public String anchor() {
            return "unit-" + unit.key().replace('.', '-');
        }
    }

    static List<Block> of(List<DraftUnit> units, List<Contribution> contributions, Map<String, Long> counts) {
        Map<String, List<Contribution>> byKey = new LinkedHashMap<>();
        for (Contribution c : contributions) {
            byKey.computeIfAbsent(c.unitKey() == null ? "" : c.unitKey(), k -> new ArrayList<>()).add(c);
        }
        Map<Long, String> articleOf = new LinkedHashMap<>();
        Map<String, List<DraftUnit>> parts = new LinkedHashMap<>();
        List<DraftUnit> tops = new ArrayList<>();
        for (DraftUnit u : units) {
            if (u.kind() == UnitKind.ARTICLE) {
                articleOf.put(u.id(), u.key());
                parts.put(u.key(), new ArrayList<>());
                tops.add(u);
            } else if ((u.kind() == UnitKind.CLAUSE || u.kind() == UnitKind.POINT) && u.parentId() != null
                    && articleOf.containsKey(u.parentId())) {
                String article = articleOf.get(u.parentId());
                articleOf.put(u.id(), article);
                parts.get(article).add(u);
            } else {
                tops.add(u);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (DraftUnit u : tops) {
            List<Contribution> about = new ArrayList<>();
            if (u.kind() == UnitKind.ARTICLE) {
                byKey.forEach((key, list) -> {
                    if (key.equals(u.key()) || key.startsWith(u.key() + ".")) {
                        about.addAll(list);
                    }
                });
            }
            long count = counts.entrySet().stream().filter(e -> u.kind() == UnitKind.ARTICLE
                    && (e.getKey().equals(u.key()) || e.getKey().startsWith(u.key() + "."))).mapToLong(Map.Entry::getValue)
                    .sum();
            blocks.add(new Block(u, parts.getOrDefault(u.key(), List.of()), about, count));
        }
        return blocks;
    }

    /** The articles, for a choice of what a comment is about. */
    static List<DraftUnit> articles(List<DraftUnit> units) {
        return units.stream().filter(u -> u.kind() == UnitKind.ARTICLE).toList();
    }
}
