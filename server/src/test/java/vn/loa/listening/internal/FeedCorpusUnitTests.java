package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every file of the feed corpus ({@code src/test/resources/feeds}, described in its README): at least 90 % of
 * the feeds must give every item with its title and link exactly right, and every XML attack must be refused.
 */
class FeedCorpusUnitTests {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final double FLOOR = 0.90;

    private final FeedReader reader = new FeedReader(JSON);

    private record Outcome(String file, boolean right, String why) {
    }

    @Test
    void readsAtLeastNineInTenFeedsWithEveryTitleAndLinkRightAndRefusesEveryAttack() {
        JsonNode corpus = JSON.readTree(bytes("corpus.json"));
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> feed : corpus.get("feeds").properties()) {
            outcomes.add(read(feed.getKey(), feed.getValue()));
        }
        long right = outcomes.stream().filter(Outcome::right).count();
        double share = (double) right / outcomes.size();
        System.out.printf("Feed corpus: %d of %d feeds read with every title and link right (%.1f %%)%n", right,
                outcomes.size(), 100 * share);
        outcomes.stream().filter(o -> !o.right()).forEach(o -> System.out.println("  wrong: " + o.file() + ": " + o.why()));

        List<String> attacksTaken = new ArrayList<>();
        for (JsonNode name : corpus.get("attacks")) {
            if (!refused(name.stringValue())) {
                attacksTaken.add(name.stringValue());
            }
        }
        for (JsonNode name : corpus.get("notFeeds")) {
            assertThat(refused(name.stringValue())).as(name.stringValue()).isTrue();
        }
        System.out.printf("XML attacks refused: %d of %d%n", corpus.get("attacks").size() - attacksTaken.size(),
                corpus.get("attacks").size());
        assertThat(attacksTaken).as("attacks read as feeds").isEmpty();
        assertThat(share).as("share of feeds read right").isGreaterThanOrEqualTo(FLOOR);
    }

    private Outcome read(String file, JsonNode expected) {
        List<FeedReader.Item> items;
        try {
            items = reader.read(bytes(file), text(expected.get("contentType")), address(file), NOW).stream()
                    .filter(item -> item.problem() == null).toList();
        } catch (FeedException e) {
            return new Outcome(file, false, "refused: " + e.getMessage());
        }
        JsonNode want = expected.get("items");
        if (items.size() != want.size()) {
            return new Outcome(file, false, items.size() + " items instead of " + want.size());
        }
        for (int i = 0; i < items.size(); i++) {
            String title = text(want.get(i).get("title"));
            String link = text(want.get(i).get("link"));
            if (!same(title, items.get(i).title()) || !same(link, items.get(i).url())) {
                return new Outcome(file, false, "item " + (i + 1) + ": [" + items.get(i).title() + " | " + items.get(i).url()
                        + "] instead of [" + title + " | " + link + "]");
            }
        }
        return new Outcome(file, true, null);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.stringValue();
    }

    private static boolean same(String expected, String actual) {
        return expected == null ? actual == null || actual.isBlank() : expected.equals(actual);
    }

    private boolean refused(String file) {
        try {
            reader.read(bytes(file), null, address(file), NOW);
            return false;
        } catch (FeedException e) {
            return true;
        }
    }

    /** Where the corpus pretends each file was fetched from (relative links resolve against it). */
    static URI address(String file) {
        return URI.create("https://feeds.example.vn/" + file);
    }

    static byte[] bytes(String file) {
        try (InputStream in = FeedCorpusUnitTests.class.getResourceAsStream("/feeds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no feed file " + file + " in the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
