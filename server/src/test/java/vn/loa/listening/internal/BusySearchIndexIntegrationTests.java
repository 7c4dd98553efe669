package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.ApiTokens;
import vn.loa.shared.Actor;

/**
 * A push is answered whatever the search index is doing: while the index is held by a long catch-up
 * (a bulk import's backlog), a push of 100 posts is stored and answered, the scheduler's periodic
 * catch-up returns at once, and the pushed posts become searchable once the index is free.
 */
@SpringBootTest(properties = "loa.listening.searchable-wait=500ms")
@AutoConfigureMockMvc
class BusySearchIndexIntegrationTests {

    @Autowired
    LucenePostIndex index;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AgencyDirectory agencies;

    @Test
    void aPushIsAnsweredWhileTheIndexIsBusyAndItsPostsAreSearchableAfterwards() throws Exception {
        String token = tokens.issue("busy-index-connector",
                agencies.findByCode("STTTT", LocalDate.of(2023, 5, 1)).orElseThrow().id(), Actor.SYSTEM).secret();
        String marker = "chiemcho" + ProcessHandle.current().pid();
        StringBuilder body = new StringBuilder("{\"posts\": [");
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ", ").append("{\"source\": \"busy-index\", \"platform\": \"facebook\", \"external_id\": \"b")
                    .append(i).append("\", \"author\": \"nguoi-").append(i)
                    .append("\", \"published_at\": \"2026-11-20T08:30:00+07:00\", \"text\": \"Bãi đỗ xe ")
                    .append(marker).append(" trước chợ số ").append(i).append(" bị chiếm làm chỗ bán hàng\"}");
        }
        body.append("]}");

        LucenePostIndex target = AopTestUtils.getTargetObject(index);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread catchUp = new Thread(() -> {
            synchronized (target) { // what a long catch-up holds
                held.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "long-catch-up");
        catchUp.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> pushed = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(post("/api/v1/posts").header("Authorization", "Bearer " + token)
                                    .contentType("application/json").content(body.toString()))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // before: the push's own catch-up waited for the lock, here for two minutes
            assertThat(pushed.get(60, TimeUnit.SECONDS)).contains("\"stored\":100");
            CompletableFuture<Void> scheduled = CompletableFuture.runAsync(index::periodically);
            scheduled.get(10, TimeUnit.SECONDS);
            assertThat(catchUp.isAlive()).as("the index was held all along").isTrue();
        } finally {
            release.countDown();
            catchUp.join();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (index.lag() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        mvc.perform(get("/api/v1/posts").param("q", marker).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(100));
    }
}
