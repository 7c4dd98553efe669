package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageBundlesUnitTests {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesUnitTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Set<String> vietnamese = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> english = new TreeSet<>(bundle("messages_en.properties").stringPropertyNames());
        assertThat(vietnamese).isNotEmpty();
        assertThat(english).as("keys missing in English").containsAll(vietnamese);
        assertThat(vietnamese).as("keys missing in Vietnamese").containsAll(english);
    }

    /**
     * A key written twice keeps only its last text, silently: two branches that each added a message under the same
     * name once showed a refused draft comparison the text of a stale contribution.
     */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            Properties once = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (!seen.add((String) key)) {
                        twice.add((String) key);
                    }
                    return super.put(key, value);
                }
            };
            try (InputStream in = MessageBundlesUnitTests.class.getResourceAsStream("/" + name)) {
                once.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(twice).as(name + ": keys written twice").isEmpty();
        }
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties properties = bundle(name);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key)).as(name + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void aCountOfStoriesAgreesWithItsNumberInEnglish() {
        org.springframework.context.MessageSource messages = MessageBundles.real();
        assertThat(messages.getMessage("posts.total.collapsed", new Object[] {90, 1}, java.util.Locale.ENGLISH))
                .isEqualTo("90 posts found, in 1 story or single post");
        assertThat(messages.getMessage("posts.total.collapsed", new Object[] {1830, 12}, java.util.Locale.ENGLISH))
                .isEqualTo("1,830 posts found, in 12 stories and single posts");
        assertThat(messages.getMessage("posts.total.collapsed", new Object[] {1830, 12}, java.util.Locale.of("vi")))
                .isEqualTo("Tìm thấy 1.830 bài viết, thuộc 12 câu chuyện và bài riêng lẻ");
    }

    @Test
    void aMessageWithArgumentsWritesItsApostrophesTwice() throws IOException {
        // MessageFormat reads a lone apostrophe as the start of quoted text: "the government's notices ... {0}" showed
        // "the governments notices ... {0}", the argument never filled in
        Pattern argument = Pattern.compile("\\{\\d");
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties properties = bundle(name);
            Set<String> wrong = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                String message = properties.getProperty(key);
                if (argument.matcher(message).find() && lone.matcher(message).find()) {
                    wrong.add(key);
                }
            }
            assertThat(wrong).as(name).isEmpty();
        }
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Properties vietnamese = bundle("messages.properties");
        Pattern literal = Pattern.compile("#\\{([a-z][a-zA-Z0-9._-]+)[}(]");
        Set<String> missing = new HashSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!vietnamese.containsKey(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesCarryNoInlineScriptOrStyle() throws IOException {
        // a JSON-LD data block (schema.org ClaimReview) is data, never run: it is the one script element allowed inline
        Pattern inline = Pattern.compile(
                "<script(?![^>]*\\bth:src=)(?![^>]*type=\"application/ld\\+json\")[^>]*>|\\son[a-z]+=|\\sstyle=|<style");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertThat(inline.matcher(Files.readString(template)).find())
                        .as("inline script or style in " + template).isFalse();
            }
        }
    }
}
