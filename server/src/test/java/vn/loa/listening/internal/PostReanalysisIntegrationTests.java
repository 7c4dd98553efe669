package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.listening.Platform;
import vn.loa.listening.PostImporter;
import vn.loa.listening.PostReanalysis;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.platform.CliCommand;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;

/**
 * After the models change, stored posts labelled by the old ones are analysed again: labels change,
 * officers' corrections stay, roll-ups stay right, the search index follows, and a run stopped half-way
 * resumes after its last post. The posts are made "old" here by giving them other labels and another
 * model version, with their roll-ups moved accordingly, as an earlier version of Loa would have stored them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PostReanalysisIntegrationTests {

    private static final AtomicInteger RUN = new AtomicInteger();

    /** Comments, news, feedback, an official notice; long ones carry the test's mark, so they are stored anew. */
    private static final List<String[]> POSTS = List.of(
            new String[] {"facebook", "Bệnh viện tỉnh quá tải, bệnh nhân nằm ghép ngoài hành lang, Sở Y tế cần kiểm tra ngay"},
            new String[] {"hotline", "Trạm y tế xã thiếu thuốc hạ sốt cho trẻ em, người dân phải tự mua ở ngoài"},
            new String[] {"news", "Tai nạn giao thông trên quốc lộ 1A làm hai người bị thương nặng vào sáng nay"},
            new String[] {"website", "Thông báo: Căn cứ Quyết định số 12/QĐ-UBND, Sở Giáo dục tổ chức kỳ thi tuyển sinh lớp 10 năm nay"},
            new String[] {"zalo", "Cảm ơn cán bộ phường đã hỗ trợ làm căn cước rất nhanh và tận tình với người già"},
            new String[] {"forum", "Giá điện tăng quá cao, người dân khó khăn trong mùa nắng nóng năm nay"},
            new String[] {"office", "Đề nghị sửa gấp con đường vào trường tiểu học bị sạt lở sau mưa lớn tuần qua"},
            new String[] {"facebook", "Thủ tục cấp sổ đỏ quá rườm rà, đi lại nhiều lần vẫn chưa xong hồ sơ của gia đình"},
            new String[] {"youtube", "Lễ hội du lịch biển Ninh Chữ thu hút hàng nghìn du khách trong dịp nghỉ lễ vừa rồi"},
            new String[] {"tiktok", "Công an bắt đối tượng lừa đảo qua mạng chiếm đoạt tiền của nhiều người dân trong tỉnh"},
            new String[] {"news", "Lúa mất mùa vì hạn hán kéo dài, nông dân các xã ven biển lo lắng cho vụ sau"},
            new String[] {"other", "Học sinh được nghỉ học do bão, phụ huynh cần theo dõi thông báo của nhà trường"});

    @Autowired
    PostReanalysis reanalysis;

    @Autowired
    PostImporter importer;

    @Autowired
    Rollups rollups;

    @Autowired
    TextAnalyzer analyzer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    RoutingRules routing;

    private record Labels(long id, String text, String platform, String sentiment, String topic, String register,
            String domain, String toxicity, String modelVersion, long fingerprint) {
    }

    @Test
    void relabelsPostsOfOtherModelsKeepsOfficersCorrectionsAndTheRollUpsAndTheSearchFollow() throws Exception {
        String marker = marker();
        List<Long> ids = importPosts(marker);
        // an officer corrected one post's sentiment and another's topic, to what the models do not say
        MockHttpSession coordinator = signIn("coordinator");
        Labels first = labels(ids).get(0);
        String sentiment = first.sentiment().equals("negative") ? "positive" : "negative";
        Labels second = labels(ids).get(1);
        String topic = second.topic().equals("Doi song") ? "Kinh doanh" : "Doi song";
        correct(coordinator, first.id(), "sentiment", sentiment);
        correct(coordinator, second.id(), "topic", topic);
        // and a third's domain, toxicity and register, the labels the dashboard's figures count
        Labels third = labels(ids).get(2);
        String domain = third.domain().equals("education") ? "health" : "education";
        String toxicity = third.toxicity().equals("CLEAN") ? "HATE" : "CLEAN";
        String register = third.register().equals("comment") ? "news" : "comment";
        correct(coordinator, third.id(), "domain", domain);
        correct(coordinator, third.id(), "toxicity", toxicity);
        correct(coordinator, third.id(), "register", register);
        makeOld(ids, "test-old-" + marker);
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        assertThat(reanalysis.outdated()).isEqualTo(ids.size());

        List<PostReanalysis.Run> progress = new ArrayList<>();
        PostReanalysis.Run run = reanalysis.run(new Actor("test", null), 5, progress::add);

        assertThat(run.status()).isEqualTo(PostReanalysis.Status.DONE);
        assertThat(run.postsDone()).isEqualTo(ids.size()).isEqualTo(run.postsTotal());
        assertThat(run.lastPostId()).isEqualTo(ids.get(ids.size() - 1));
        assertThat(progress).extracting(PostReanalysis.Run::postsDone).containsExactly(0L, 5L, 10L, 12L);
        for (Labels post : labels(ids)) {
            Analysis expected = analyzer.analyze(post.text(), LocalDate.of(2026, 3, 1),
                    Platform.valueOf(post.platform()).registerHint());
            assertThat(post.modelVersion()).isEqualTo(analyzer.modelVersion());
            boolean corrected = post.id() == third.id();
            assertThat(post.register()).as(post.text()).isEqualTo(corrected ? register : expected.register().id());
            assertThat(post.domain()).as(post.text()).isEqualTo(corrected ? domain : expected.domain().label());
            assertThat(post.toxicity()).as(post.text()).isEqualTo(corrected ? toxicity : expected.toxicity().label());
            assertThat(post.fingerprint()).as(post.text()).isEqualTo(expected.fingerprint());
            assertThat(post.sentiment()).as(post.text())
                    .isEqualTo(post.id() == first.id() ? sentiment : expected.sentiment().labelOrUnclear());
            assertThat(post.topic()).as(post.text())
                    .isEqualTo(post.id() == second.id() ? topic : expected.topic().labelOrUnclear());
        }
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        assertThat(reanalysis.outdated()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'posts.reanalysed' AND target_id = ?")
                .param(Long.toString(run.id())).query(Long.class).single()).isEqualTo(1);

        // the search index reads the relabelled posts again
        String found = mvc.perform(get("/api/v1/posts").param("q", marker).param("size", "100").session(coordinator))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (Labels post : labels(ids)) {
            List<Map<String, Object>> hits = JsonPath.read(found, "$.items[?(@.id == " + post.id() + ")]");
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0)).containsEntry("domain", post.domain()).containsEntry("register", post.register())
                    .containsEntry("sentiment", post.sentiment()).containsEntry("toxicity", post.toxicity());
        }
    }

    @Test
    void aRunStoppedHalfWayResumesAfterItsLastPostFromTheCommandLine() throws Exception {
        String marker = marker();
        List<Long> ids = importPosts(marker);
        // the process stops after the first batch of four is committed
        PostReanalysis.Run stopped = stoppedAfterFirstBatch(ids, marker);
        assertThat(stopped.status()).isEqualTo(PostReanalysis.Status.INTERRUPTED);
        assertThat(stopped.postsDone()).isEqualTo(4);
        assertThat(stopped.lastPostId()).isEqualTo(ids.get(3));
        assertThat(reanalysis.outdated()).isEqualTo(ids.size() - 4);
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        // as if it had been killed: still marked running, but no process holds it
        jdbc.sql("UPDATE reanalysis SET status = 'RUNNING' WHERE id = ?").param(stopped.id()).update();
        assertThat(reanalysis.running()).isFalse();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command("reanalyze").run(List.of("--batch", "4"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Re-analysis " + stopped.id() + ": 8 / 12 posts")
                .contains("Re-analysis " + stopped.id() + " done: 12 posts");
        PostReanalysis.Run resumed = reanalysis.runs(1).get(0);
        assertThat(resumed.id()).isEqualTo(stopped.id());
        assertThat(resumed.status()).isEqualTo(PostReanalysis.Status.DONE);
        assertThat(resumed.postsDone()).as("each post once").isEqualTo(ids.size());
        assertThat(reanalysis.outdated()).isZero();
        assertThat(labels(ids)).allMatch(post -> post.modelVersion().equals(analyzer.modelVersion()));
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
    }

    @Test
    void aStoppedRunWhosePostsWereRelabelledSinceIsNotResumedButRunAgainOverEveryPost() throws Exception {
        String marker = marker();
        List<Long> ids = importPosts(marker);
        PostReanalysis.Run stopped = stoppedAfterFirstBatch(ids, marker);
        assertThat(stopped.lastPostId()).isEqualTo(ids.get(3));
        // then other models were shipped and re-labelled its first four posts, and today's came back
        makeOld(ids.subList(0, 4), "test-other-" + marker);

        PostReanalysis.Run run = reanalysis.run(new Actor("test", null), 4, progress -> {
        });
        assertThat(run.id()).isNotEqualTo(stopped.id());
        assertThat(run.status()).isEqualTo(PostReanalysis.Status.DONE);
        assertThat(run.postsDone()).isEqualTo(ids.size());
        assertThat(labels(ids)).allMatch(post -> post.modelVersion().equals(analyzer.modelVersion()));
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        // the old run is not the latest of these models any more: no later run resumes it
        makeOld(ids.subList(0, 2), "test-third-" + marker);
        assertThat(reanalysis.run(new Actor("test", null), 4, progress -> {
        }).id()).isNotEqualTo(stopped.id());
        assertThat(reanalysis.outdated()).isZero();
    }

    @Test
    void oneRunAtATimeAcrossProcesses() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            // another process's run holds the lock
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, JdbcPostReanalysis.RUN_LOCK);
                lock.executeQuery().close();
            }
            try {
                assertThat(reanalysis.running()).isTrue();
                assertThatThrownBy(() -> reanalysis.run(new Actor("test", null), 10, run -> {
                })).isInstanceOf(Conflict.class);
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                assertThat(command("reanalyze").run(List.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                        .isEqualTo(1);
                assertThat(err.toString(StandardCharsets.UTF_8)).contains("A re-analysis is running already");
            } finally {
                try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, JdbcPostReanalysis.RUN_LOCK);
                    unlock.executeQuery().close();
                }
            }
        }
        assertThat(reanalysis.running()).isFalse();
    }

    @Test
    void whileARunGoesOnThePageShowsWhatIsLeftFromItsProgress() throws Exception {
        // a run of today's models in another process, 400 of 1,000 posts done: the page, asked every few seconds,
        // takes what is left from the run instead of counting the post table again
        long id = jdbc.sql("""
                INSERT INTO reanalysis (model_version, started_by, started_at, posts_total, posts_done, last_post_id, status)
                VALUES (?, 'other-process', now(), 1000, 400, 0, 'RUNNING') RETURNING id""")
                .param(analyzer.modelVersion()).query(Long.class).single();
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, JdbcPostReanalysis.RUN_LOCK);
                lock.executeQuery().close();
            }
            try {
                String progress = mvc.perform(get("/listening/reanalysis/progress").session(signIn("admin")))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(progress).contains("id=\"reanalysis-outdated\">600<");
            } finally {
                try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, JdbcPostReanalysis.RUN_LOCK);
                    unlock.executeQuery().close();
                }
                // ended, so that no later run resumes it
                jdbc.sql("UPDATE reanalysis SET status = 'DONE', finished_at = now(), posts_done = posts_total WHERE id = ?")
                        .param(id).update();
            }
        }
    }

    @Test
    void administratorsStartARunFromThePageAndWatchItsProgress() throws Exception {
        String marker = marker();
        List<Long> ids = importPosts(marker);
        makeOld(ids, "test-old-" + marker);
        mvc.perform(get("/listening/reanalysis").session(signIn("coordinator"))).andExpect(status().isForbidden());
        mvc.perform(post("/listening/reanalysis").session(signIn("coordinator")).with(csrf())).andExpect(status().isForbidden());
        // without the form's token nothing starts (the page below still counts 12 posts to re-analyse): the session
        // is ended and the sign-in page asked for
        mvc.perform(post("/listening/reanalysis").session(signIn("admin")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/login?error=expired"));
        MockHttpSession admin = signIn("admin");
        String page = mvc.perform(get("/listening/reanalysis").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Phân tích lại bài viết theo mô hình mới").contains(analyzer.modelVersion())
                .contains("id=\"reanalysis-outdated\">12<");

        mvc.perform(post("/listening/reanalysis").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        PostReanalysis.Run run = lastRunWhenDone();
        assertThat(run.status()).isEqualTo(PostReanalysis.Status.DONE);
        assertThat(run.startedBy()).isEqualTo("admin");
        assertThat(run.postsDone()).isEqualTo(ids.size());
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        String progress = mvc.perform(get("/listening/reanalysis/progress").param("lang", "en").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(progress).startsWith("<div id=\"reanalysis-progress\"").contains("12 / 12 posts").contains("Done")
                .doesNotContain("hx-trigger");
    }

    /**
     * Posts about Xã Bác Ái Tây stored by an older Loa, before the gazetteer knew the commune's name or the commune
     * was in the directory: no places, and routed elsewhere or nowhere. A plain re-analysis leaves them (they carry
     * today's models); a re-routing run reads their places again and routes them as an import does today, keeps
     * an agency an officer set, and the roll-ups, the authors' activity and the search index follow.
     */
    @Test
    void reroutingSendsStoredPostsToTheCommuneTheyNameAsAnImportWouldAndSearchAndRollUpsFollow() throws Exception {
        String marker = marker();
        String author = "nguoidan-" + marker;
        List<String[]> texts = List.of(
                new String[] {"facebook", "Đường vào thôn của xã Bác Ái Tây bị sạt lở sau mưa, xe máy không đi được"},
                new String[] {"hotline", "Trạm y tế xã Bác Ái Tây thiếu thuốc hạ sốt cho trẻ em, người dân phải tự mua"},
                new String[] {"facebook", "Chợ xã Bác Ái Tây họp lấn ra đường, rác thải để bừa bãi cạnh trường học"});
        List<Long> ids = importTexts("reroute-" + marker, author, texts, marker);
        List<String> importedAgencies = agencies(ids);
        assertThat(importedAgencies).allMatch(routed -> routed.endsWith("22786"));
        // an officer routed the third post to the Department of Health themself
        MockHttpSession coordinator = signIn("coordinator");
        correct(coordinator, ids.get(2), "agency", "SYT");
        long[] authorKeys = jdbc.sql("SELECT %s FROM post p WHERE p.id = ANY(?) ORDER BY p.id".formatted(Rollups.authorKey("p")))
                .param(ids.toArray(Long[]::new)).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        transactions.executeWithoutResult(status -> {
            rollups.apply(ids, -1);
            jdbc.sql("""
                    UPDATE post SET places = '{}', agencies = CASE WHEN id = ? THEN '{SNV}'::text[] WHEN id = ? THEN '{}'
                                                                  ELSE agencies END
                    WHERE id = ANY(?)""").params(ids.get(0), ids.get(1), ids.toArray(Long[]::new)).update();
            rollups.apply(ids, 1);
            // what that import counted of the author: active in the agency it routed to, never in the commune
            jdbc.sql("UPDATE author_activity SET last_post = '-infinity', last_public_post = NULL WHERE scope = '22786' AND author_key = ?")
                    .param(authorKeys[0]).update();
            jdbc.sql("""
                    INSERT INTO author_activity (scope, author_key, last_post, last_public_post)
                    SELECT 'SNV', ?, published_at, published_at FROM post WHERE id = ?""")
                    .params(authorKeys[0], ids.get(0)).update();
        });
        reindex(ids);
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        MockHttpSession commune = signIn("xa-bac-ai-tay");
        assertThat(searchTotal(coordinator, marker, "agency", "22786")).isZero();
        assertThat(searchTotal(coordinator, marker, "local", "true")).as("the hotline's post only").isEqualTo(1);
        assertThat(searchTotal(commune, marker, null, null)).as("the public posts only").isEqualTo(2);

        // a plain run leaves them: they carry today's models
        reanalysis.run(new Actor("test", null), 1000, progress -> {
        });
        assertThat(agencies(ids)).containsExactly("SNV", "", "SYT");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command("reanalyze").run(List.of("--reroute", "--batch", "1000"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("every post is routed again")
                .contains("routed by routing " + routing.version());
        PostReanalysis.Run run = reanalysis.runs(1).get(0);
        assertThat(run.status()).isEqualTo(PostReanalysis.Status.DONE);
        assertThat(run.rerouting()).isTrue();
        assertThat(run.postsDone()).isEqualTo(jdbc.sql("SELECT count(*) FROM post").query(Long.class).single());

        // routed as an import routes them today, but for the agency the officer set; every place named read again
        assertThat(agencies(ids)).containsExactly(importedAgencies.get(0), importedAgencies.get(1), "SYT");
        assertThat(jdbc.sql("SELECT array_to_string(places, ',') FROM post WHERE id = ANY(?) ORDER BY id")
                .param(ids.toArray(Long[]::new)).query(String.class).list()).allMatch(places -> places.contains("22786@2025-07-01"));
        List<Long> again = importTexts("reroute-again-" + marker, "other-" + marker, texts, marker);
        assertThat(agencies(again).subList(0, 2)).isEqualTo(agencies(ids).subList(0, 2));
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        // the author counts in the commune now, and no longer in the agency the post left
        assertThat(jdbc.sql("""
                SELECT a.last_post = p.published_at FROM author_activity a, post p
                WHERE a.scope = '22786' AND a.author_key = ? AND p.id = ?""").params(authorKeys[0], ids.get(0))
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT last_post = '-infinity' FROM author_activity WHERE scope = 'SNV' AND author_key = ?")
                .param(authorKeys[0]).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT details::jsonb->>'routing' FROM audit_record WHERE action = 'posts.reanalysed' AND target_id = ?")
                .param(Long.toString(run.id())).query(String.class).single()).isEqualTo(run.routing());

        // search follows: the commune's filter and its officers find them, the hotline's post too, as after an import
        awaitSearch(() -> searchTotal(coordinator, marker, "agency", "22786") == 5);
        assertThat(searchTotal(coordinator, marker, "agency", "22786")).as("two re-routed, three imported again")
                .isEqualTo(5);
        assertThat(searchTotal(coordinator, marker, "local", "true")).isEqualTo(6);
        assertThat(searchTotal(commune, marker, null, null)).isEqualTo(6);
    }

    @Test
    void aReroutingRunIsResumedOnlyUnderTheRoutingItBeganWithAndAppliesANewRuleToStoredPosts() throws Exception {
        String marker = marker();
        List<Long> ids = importPosts(marker);
        // the province's own source: its news reports are routed by the rules too, as its comments are
        jdbc.sql("UPDATE post_source SET local = TRUE WHERE code = ?").param("reanalysis-" + marker).update();
        assertThat(agencies(ids)).noneMatch(routed -> routed.contains("SVHTTDL"));
        assertThatThrownBy(() -> reanalysis.run(new Actor("test", null), 4, true, run -> {
            if (run.postsDone() > 0) {
                throw new IllegalStateException("stopped");
            }
        })).hasMessage("stopped");
        PostReanalysis.Run stopped = reanalysis.runs(1).get(0);
        assertThat(stopped.rerouting()).isTrue();
        assertThat(stopped.status()).isEqualTo(PostReanalysis.Status.INTERRUPTED);
        // a keyword rule made since: the posts stored before it are routed by it too, by a new run over every post
        routing.add("SVHTTDL", "KEYWORD", marker, new Actor("test", null));
        try {
            PostReanalysis.Run run = reanalysis.run(new Actor("test", null), 5000, true, progress -> {
            });
            assertThat(run.id()).isNotEqualTo(stopped.id());
            assertThat(run.routing()).isNotEqualTo(stopped.routing()).isEqualTo(routing.version());
            assertThat(run.postsDone()).isEqualTo(jdbc.sql("SELECT count(*) FROM post").query(Long.class).single());
            assertThat(agencies(ids)).allMatch(routed -> routed.contains("SVHTTDL"));
            assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        } finally {
            routing.all().stream().filter(rule -> rule.value().equals(marker))
                    .forEach(rule -> routing.remove(rule.id(), new Actor("test", null)));
        }
    }

    @Test
    void administratorsReRouteEveryPostFromThePage() throws Exception {
        MockHttpSession admin = signIn("admin");
        String page = mvc.perform(get("/listening/reanalysis").param("lang", "en").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Re-route every post").contains(routing.version());
        mvc.perform(post("/listening/reanalysis").param("reroute", "true").session(signIn("coordinator")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/listening/reanalysis").param("reroute", "true").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        PostReanalysis.Run run = lastRunWhenDone();
        assertThat(run.status()).isEqualTo(PostReanalysis.Status.DONE);
        assertThat(run.rerouting()).isTrue();
        assertThat(run.startedBy()).isEqualTo("admin");
        String progress = mvc.perform(get("/listening/reanalysis/progress").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(progress).contains("Định tuyến lại mọi bài viết").contains(">Định tuyến lại</span>");
    }

    private List<Long> importTexts(String source, String author, List<String[]> texts, String marker) throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(texts.get(i)[0])
                    .append("\",\"author\":\"").append(author).append("\",\"external_id\":\"t").append(i)
                    .append("\",\"published_at\":\"2026-03-01T09:00:00+07:00\",\"text\":\"").append(texts.get(i)[1])
                    .append(' ').append(marker)
                    .append("\"}\n");
        }
        assertThat(importer.importFile("reroute.jsonl", new ByteArrayInputStream(file.toString()
                .getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null).stored()).isEqualTo(texts.size());
        return jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? ORDER BY p.id")
                .param(source).query(Long.class).list();
    }

    private List<String> agencies(List<Long> ids) {
        return jdbc.sql("SELECT array_to_string(agencies, ',') FROM post WHERE id = ANY(?) ORDER BY id")
                .param(ids.toArray(Long[]::new)).query(String.class).list();
    }

    @Autowired
    LucenePostIndex index;

    /** Indexes the posts again as they are now (an older Loa's index held them so). */
    private void reindex(List<Long> ids) {
        ids.forEach(index::reindex);
    }

    private long searchTotal(MockHttpSession session, String q, String filter, String value) throws Exception {
        var request = get("/api/v1/posts").param("q", q).param("size", "100").session(session);
        if (filter != null) {
            request.param(filter, value);
        }
        String json = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(json, "$.total")).longValue();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** The index reads the re-analysed posts on its own thread: waits for it, at most half a minute. */
    private static void awaitSearch(Check check) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!check.holds() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Makes the posts old, then runs a re-analysis in batches of four that stops once the first is committed. */
    private PostReanalysis.Run stoppedAfterFirstBatch(List<Long> ids, String marker) {
        makeOld(ids, "test-old-" + marker);
        assertThatThrownBy(() -> reanalysis.run(new Actor("test", null), 4, run -> {
            if (run.postsDone() > 0) {
                throw new IllegalStateException("stopped");
            }
        })).hasMessage("stopped");
        return reanalysis.runs(1).get(0);
    }

    private List<Long> importPosts(String marker) throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < POSTS.size(); i++) {
            file.append("{\"source\":\"reanalysis-").append(marker).append("\",\"platform\":\"").append(POSTS.get(i)[0])
                    .append("\",\"external_id\":\"r").append(i).append("\",\"published_at\":\"2026-03-01T09:00:00+07:00\",")
                    .append("\"text\":\"").append(POSTS.get(i)[1]).append(' ').append(marker).append("\"}\n");
        }
        assertThat(importer.importFile("reanalysis.jsonl", new ByteArrayInputStream(file.toString()
                .getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null).stored()).isEqualTo(POSTS.size());
        return jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? ORDER BY p.id")
                .param("reanalysis-" + marker).query(Long.class).list();
    }

    /**
     * Makes posts look labelled by older models: another version, another near-duplicate fingerprint, and other
     * labels everywhere an officer did not correct them; their roll-ups move with them, as they would have been
     * written then.
     */
    private void makeOld(List<Long> ids, String version) {
        transactions.executeWithoutResult(status -> {
            rollups.apply(ids, -1);
            jdbc.sql("""
                    UPDATE post p SET model_version = ?, fingerprint = ~p.fingerprint,
                        register = CASE WHEN EXISTS (SELECT 1 FROM post_correction c WHERE c.post_id = p.id
                                                     AND c.field = 'register') THEN p.register
                                        WHEN p.register = 'comment' THEN 'news' ELSE 'comment' END,
                        domain = CASE WHEN EXISTS (SELECT 1 FROM post_correction c WHERE c.post_id = p.id AND c.field = 'domain')
                                      THEN p.domain WHEN p.domain = 'other' THEN 'agriculture' ELSE 'other' END,
                        toxicity = CASE WHEN EXISTS (SELECT 1 FROM post_correction c WHERE c.post_id = p.id
                                                     AND c.field = 'toxicity') THEN p.toxicity
                                        WHEN p.toxicity = 'CLEAN' THEN 'OFFENSIVE' ELSE 'CLEAN' END,
                        sentiment = CASE WHEN EXISTS (SELECT 1 FROM post_correction c WHERE c.post_id = p.id
                                                      AND c.field = 'sentiment') THEN p.sentiment
                                         WHEN p.sentiment = 'neutral' THEN 'unclear' ELSE 'neutral' END,
                        topic = CASE WHEN EXISTS (SELECT 1 FROM post_correction c WHERE c.post_id = p.id AND c.field = 'topic')
                                     THEN p.topic WHEN p.topic = 'The thao' THEN 'Vi tinh' ELSE 'The thao' END
                    WHERE p.id = ANY(?)
                    """).params(version, ids.toArray(Long[]::new)).update();
            rollups.apply(ids, 1);
        });
    }

    private List<Labels> labels(List<Long> ids) {
        return jdbc.sql("""
                SELECT id, text, platform, sentiment, topic, register, domain, toxicity, model_version, fingerprint FROM post
                WHERE id = ANY(?) ORDER BY id""").param(ids.toArray(Long[]::new))
                .query((rs, row) -> new Labels(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getLong(10))).list();
    }

    private void correct(MockHttpSession session, long id, String field, String value) throws Exception {
        mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"" + field + "\",\"value\":\"" + value + "\"}"))
                .andExpect(status().isCreated());
    }

    private CliCommand command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String marker() {
        return "phantichlai" + ProcessHandle.current().pid() + "x" + RUN.incrementAndGet();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }

    /** The last run, once it has stopped (two minutes at most). */
    private PostReanalysis.Run lastRunWhenDone() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while ((reanalysis.runs(1).get(0).status() == PostReanalysis.Status.RUNNING || reanalysis.running())
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return reanalysis.runs(1).get(0);
    }
}
