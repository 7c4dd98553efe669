package vn.loa.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Channel;
import vn.loa.publishing.ChannelAdapter;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliverySimulator;
import vn.loa.publishing.DeliveryStatus;
import vn.loa.publishing.Publication;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The outbox on a real database, its worker's steps run directly with a clock the tests move: a channel that is down
 * loses nothing (retries with back-off, then delivered once when it comes up; FAILED after the last attempt); a restart
 * between claim and send, or between send and mark, sends once (the same idempotency key); emergencies go first; a
 * publication whose transaction rolls back was never there; e-mail carries its key as Message-ID.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class OutboxIntegrationTests {

    private static final Actor CAMPAIGNS = new Actor("officer", "SYT");
    private static final SignedInUser ADMIN = new SignedInUser(1L, "admin", "Quản trị", null, "SKHCN", Set.of(Role.ADMIN));
    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));

    @Autowired
    Publishing publishing;

    @Autowired
    Outbox outbox;

    @Autowired
    DeliverySimulator simulator;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvc mvc;

    private static final Locale VI = Locale.of("vi");

    /** A detail as a Vietnamese reader reads it. */
    private String vi(DeliveryDetail detail) {
        return detail.shown(messages, VI);
    }

    private long enqueue(Channel channel, List<String> recipients, boolean emergency, String source) {
        var agency = agencies.findByCode("SYT", LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).orElseThrow().id();
        return new TransactionTemplate(transactions).execute(status -> publishing.enqueue(new Publication(source,
                "campaign:test-" + source, "Bảo hiểm y tế", agency, channel, "vi", "Thẻ BHYT cho người cao tuổi",
                "Người từ đủ 75 tuổi được cấp thẻ bảo hiểm y tế miễn phí. Liên hệ UBND xã.", List.of(), recipients,
                List.of(), clock.instant(), emergency), CAMPAIGNS));
    }

    private Publishing.Delivery only(long publicationId) {
        List<Publishing.Delivery> deliveries = publishing.deliveries(publicationId, OFFICER);
        assertThat(deliveries).hasSize(1);
        return deliveries.getFirst();
    }

    private int inboxRows(String key) {
        return jdbc.sql("SELECT count(*) FROM pub_simulator_inbox WHERE idempotency_key = ?").param(key)
                .query(Integer.class).single();
    }

    private String keyOf(long deliveryId) {
        return jdbc.sql("SELECT idempotency_key FROM pub_delivery WHERE id = ?").param(deliveryId).query(String.class)
                .single();
    }

    /** Runs the worker until nothing of this publication is due now. */
    private void work() {
        while (publishing.deliverDue() > 0) {
            // next batch
        }
    }

    @Test
    void thePortalsCommuneFilterNamesEachCommuneInTheReadersLanguage() throws Exception {
        vn.loa.identity.Agency commune = agencies.validOn(LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).stream()
                .filter(a -> a.kind() == vn.loa.identity.AgencyKind.COMMUNE && a.nameEn() != null
                        && !a.nameEn().equals(a.nameVi()))
                .findFirst().orElseThrow();
        org.jsoup.nodes.Document en = org.jsoup.Jsoup.parse(mvc.perform(get("/public/messages").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(en.select("#commune option[value=" + commune.code() + "]").text()).isEqualTo(commune.nameEn());
        org.jsoup.nodes.Document vi = org.jsoup.Jsoup.parse(mvc.perform(get("/public/messages").param("lang", "vi"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(vi.select("#commune option[value=" + commune.code() + "]").text()).isEqualTo(commune.nameVi());
    }

    @Test
    void aChannelThatIsDownLosesNothingAndDeliversOnceWhenItComesUp() {
        simulator.switchDown(Channel.SMS, true, ADMIN);
        try {
            long id = enqueue(Channel.SMS, List.of("0905 123 456"), false, "test:down-" + System.nanoTime());
            Instant start = clock.instant();
            work();
            Publishing.Delivery d = only(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.nextAttemptAt()).isEqualTo(start.plusSeconds(30));
            assertThat(vi(d.detail())).contains("đang tắt");
            // not due yet: nothing happens
            work();
            assertThat(only(id).attempts()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(30));
            work();
            d = only(id);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));
            simulator.switchDown(Channel.SMS, false, ADMIN);
            clock.advance(Duration.ofSeconds(60));
            work();
            d = only(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.SIMULATED);
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(inboxRows(keyOf(d.id()))).isEqualTo(1);
            // delivered: never again
            clock.advance(Duration.ofHours(2));
            work();
            assertThat(only(id).attempts()).isEqualTo(3);
            assertThat(inboxRows(keyOf(d.id()))).isEqualTo(1);
            // the log tells the story: queued, two failures, simulated
            assertThat(publishing.log(id, OFFICER)).extracting(Publishing.LogEntry::status).containsExactly(
                    DeliveryStatus.PENDING, DeliveryStatus.PENDING, DeliveryStatus.PENDING, DeliveryStatus.SIMULATED);
            Publishing.PublicationRecord record = publishing.get(id, OFFICER);
            assertThat(record.simulated()).isEqualTo(1);
            assertThat(record.sent()).as("a simulator's delivery is never sent").isZero();
        } finally {
            simulator.switchDown(Channel.SMS, false, ADMIN);
        }
    }

    @Test
    void aDeliveryIsGivenUpAfterItsLastAttempt() {
        simulator.switchDown(Channel.ZALO, true, ADMIN);
        try {
            long id = enqueue(Channel.ZALO, List.of(), false, "test:failed-" + System.nanoTime());
            for (int attempt = 1; attempt <= 6; attempt++) {
                work();
                clock.advance(Duration.ofHours(1));
            }
            Publishing.Delivery d = only(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.attempts()).isEqualTo(6);
            assertThat(vi(d.detail())).contains("đang tắt");
            simulator.switchDown(Channel.ZALO, false, ADMIN);
            work();
            assertThat(only(id).status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(inboxRows(keyOf(d.id()))).isZero();
        } finally {
            simulator.switchDown(Channel.ZALO, false, ADMIN);
        }
    }

    @Test
    void aRestartAfterTheClaimRetriesOnceAndARestartAfterTheSendDoesNotSendAgain() {
        String source = "test:restart-" + System.nanoTime();
        long claimedOnly = enqueue(Channel.SMS, List.of("0905000111"), false, source + "-a");
        long sentNotMarked = enqueue(Channel.SMS, List.of("0905000222"), false, source + "-b");
        List<Outbox.Claimed> claimed = outbox.claim(1_000).stream()
                .filter(c -> c.publicationId() == claimedOnly || c.publicationId() == sentNotMarked).toList();
        assertThat(claimed).hasSize(2);
        // the worker dies: one claimed and never sent, the other sent and never marked
        Outbox.Claimed b = claimed.stream().filter(c -> c.publicationId() == sentNotMarked).findFirst().orElseThrow();
        assertThat(outbox.attempt(b).status()).isEqualTo(DeliveryStatus.SIMULATED);
        assertThat(inboxRows(b.key())).isEqualTo(1);

        // another worker meanwhile leaves a fresh claim alone
        work();
        assertThat(only(claimedOnly).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(only(sentNotMarked).status()).isEqualTo(DeliveryStatus.PENDING);

        // after the claim timeout both are due again, exactly once each
        clock.advance(Duration.ofMinutes(6));
        work();
        Publishing.Delivery a = only(claimedOnly);
        Publishing.Delivery sent = only(sentNotMarked);
        assertThat(a.status()).isEqualTo(DeliveryStatus.SIMULATED);
        assertThat(a.attempts()).isEqualTo(2);
        assertThat(inboxRows(keyOf(a.id()))).isEqualTo(1);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SIMULATED);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(vi(sent.detail())).contains("đã nhận trước đó");
        assertThat(inboxRows(b.key())).as("the same key is received once").isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        work();
        assertThat(only(sentNotMarked).attempts()).isEqualTo(2);
    }

    @Test
    void emergenciesAreClaimedFirstAndLoggedApart() {
        String source = "test:emergency-" + System.nanoTime();
        long normal = enqueue(Channel.FACEBOOK, List.of(), false, source + "-normal");
        clock.advance(Duration.ofSeconds(1));
        long emergency = enqueue(Channel.FACEBOOK, List.of(), true, source + "-emergency");
        List<Long> order = outbox.claim(1_000).stream().map(Outbox.Claimed::publicationId)
                .filter(p -> p == normal || p == emergency).toList();
        assertThat(order).containsExactly(emergency, normal);
        clock.advance(Duration.ofMinutes(6));
        work();
        assertThat(publishing.emergencyLog(500, OFFICER)).extracting(Publishing.LogEntry::publicationId)
                .contains(emergency).doesNotContain(normal);
        assertThat(publishing.recent(true, 500, OFFICER)).extracting(Publishing.PublicationRecord::id)
                .contains(emergency).doesNotContain(normal);
    }

    @Test
    void aPublicationWhoseTransactionRollsBackWasNeverThereAndOneOutsideATransactionIsRefused() {
        String source = "test:rollback-" + System.nanoTime();
        var agency = agencies.findByCode("SYT", LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).orElseThrow().id();
        Publication p = new Publication(source, null, null, agency, Channel.PORTAL, "vi", "Tiêu đề", "Nội dung",
                List.of(), List.of(), List.of(), null, false);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            publishing.enqueue(p, CAMPAIGNS);
            status.setRollbackOnly();
        });
        assertThat(publishing.bySource(source)).isEmpty();
        assertThatThrownBy(() -> publishing.enqueue(p, CAMPAIGNS))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void invalidPublicationsNameTheField() {
        var agency = agencies.findByCode("SYT", LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).orElseThrow().id();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.execute(s -> publishing.enqueue(new Publication("test:x", null, null, agency,
                Channel.SMS, "fr", null, "x".repeat(2_000), List.of("99999"), List.of(), List.of(), null, false),
                CAMPAIGNS))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.all())
                        .extracting(InvalidInput::field).containsExactly("language", "body", "communes"));
        assertThatThrownBy(() -> tx.execute(s -> publishing.enqueue(new Publication("test:x", null, null, agency,
                Channel.SMS, "vi", null, "Xin chào", List.of(), List.of("không phải số"), List.of(), null, false),
                CAMPAIGNS))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("recipients"));
        assertThatThrownBy(() -> tx.execute(s -> publishing.enqueue(new Publication("test:x", null, null, agency,
                Channel.PORTAL, "vi", "Ảnh", "<p>Xem ảnh</p><img src=\"https://example.vn/a.png\">", List.of(),
                List.of(), List.of(), null, false), CAMPAIGNS)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("publishing.error.image-alt"));
        // Trường Sa has no station (no test adds one there): recorded with no delivery, a campaign's map shows it not reached
        Long none = tx.execute(s -> publishing.enqueue(new Publication("test:no-station-" + System.nanoTime(), null, null,
                agency, Channel.LOUDSPEAKER, "vi", null, "Xin chào", List.of("22736"), List.of(), List.of(), null, false),
                CAMPAIGNS));
        assertThat(jdbc.sql("SELECT count(*) FROM pub_delivery WHERE publication_id = ?").param(none).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aWebhookThatFailsIsRetriedWithTheSameKeyAndASignatureAndTheSecretIsNeverInTheLog() throws Exception {
        List<com.sun.net.httpserver.Headers> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<byte[]> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 39261), 0);
        server.createContext("/hook", exchange -> {
            headers.add(exchange.getRequestHeaders());
            bodies.add(exchange.getRequestBody().readAllBytes());
            // down the first time, up after
            exchange.sendResponseHeaders(headers.size() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        try {
            long id = enqueue(Channel.WEBHOOK, List.of(), true, "test:webhook-" + System.nanoTime());
            work();
            Publishing.Delivery d = only(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(vi(d.detail())).contains("HTTP 503");
            clock.advance(Duration.ofSeconds(30));
            work();
            d = only(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(headers).hasSize(2);
            String key = keyOf(d.id());
            for (int i = 0; i < 2; i++) {
                assertThat(headers.get(i).getFirst("Idempotency-Key")).isEqualTo(key);
                assertThat(headers.get(i).getFirst("X-Loa-Signature")).isEqualTo("sha256="
                        + WebhookAdapter.hmac("bi-mat-chi-dung-trong-kiem-thu", bodies.get(i)));
            }
            var payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(bodies.get(1));
            assertThat(payload.get("idempotencyKey").asString()).isEqualTo(key);
            assertThat(payload.get("publicationId").asLong()).isEqualTo(id);
            assertThat(payload.get("emergency").asBoolean()).isTrue();
            assertThat(payload.get("title").asString()).isEqualTo("Thẻ BHYT cho người cao tuổi");
            assertThat(publishing.log(id, OFFICER)).extracting(Publishing.LogEntry::detail)
                    .allSatisfy(detail -> assertThat(String.valueOf(detail) + vi(detail)).doesNotContain("bi-mat"));
            // another agency's officer does not see it
            SignedInUser other = new SignedInUser(9L, "other", "Cán bộ Sở Công Thương", null, "SCT", Set.of(Role.OFFICER));
            assertThatThrownBy(() -> publishing.deliveries(id, other)).isInstanceOf(vn.loa.shared.NotFound.class);
            assertThat(publishing.recent(false, 500, other)).extracting(Publishing.PublicationRecord::id)
                    .doesNotContain(id);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEMailCarriesItsIdempotencyKeyAsMessageId() throws Exception {
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            long id = enqueue(Channel.EMAIL, List.of("bhyt.test@demo.loa.local"), false, "test:mail-" + System.nanoTime());
            work();
            Publishing.Delivery d = only(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            MimeMessage message = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals("bhyt.test@demo.loa.local");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
            assertThat(message.getMessageID()).isEqualTo("<" + keyOf(d.id()) + "@" + "localhost>");
            assertThat(message.getSubject()).isEqualTo("[Loa] Thẻ BHYT cho người cao tuổi");
            assertThat((String) message.getContent()).contains("miễn phí", "/public/messages/" + id);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theSameDeliveryReadsInVietnameseOrEnglishAsTheReaderChoseAndAProvidersOwnWordsStayText() throws Exception {
        simulator.switchDown(Channel.SMS, true, ADMIN);
        try {
            long id = enqueue(Channel.SMS, List.of("0905 777 888"), false, "test:words-" + System.nanoTime());
            work();
            Publishing.Delivery d = only(id);
            assertThat(d.detail().key()).isEqualTo("publishing.detail.simulator-down");
            assertThat(d.detail().text()).as("Loa's own words are a key, not stored text").isNull();
            assertThat(publishing.log(id, OFFICER)).extracting(l -> l.detail().key())
                    .containsExactly("publishing.detail.queued", "publishing.detail.retry");
            // a provider's own answer (from outside): braces and quotes that would be a pattern, markup
            clock.advance(Duration.ofSeconds(30));
            Outbox.Claimed claimed = outbox.claim(1_000).stream().filter(c -> c.publicationId() == id).findFirst()
                    .orElseThrow();
            outbox.finish(claimed, new ChannelAdapter.Outcome(DeliveryStatus.FAILED,
                    "550 '{0}' <b>quota</b>"));
            // a line logged before details had keys: text only, shown as written
            jdbc.sql("""
                    INSERT INTO pub_delivery_log (delivery_id, publication_id, emergency, at, attempt, status, detail)
                    VALUES (?, ?, false, ?, 0, 'PENDING', 'dòng cũ của nhật ký')""")
                    .params(d.id(), id, Timestamp.from(clock.instant())).update();

            MockHttpSession officer = (MockHttpSession) mvc
                    .perform(formLogin("/login").user("officer").password("loa-demo"))
                    .andReturn().getRequest().getSession(false);
            String vi = page("/publishing/" + id, "vi", officer);
            String en = page("/publishing/" + id, "en", officer);
            String next = Outbox.local(clock.instant().plusSeconds(60));
            assertThat(vi).contains("vào hàng đợi",
                    "lỗi: trình mô phỏng đang tắt (giả lập nhà cung cấp không phản hồi); thử lại lúc ",
                    "lỗi: 550 &#39;{0}&#39; &lt;b&gt;quota&lt;/b&gt;; thử lại lúc " + next, "dòng cũ của nhật ký")
                    .doesNotContain("the simulator is switched off", "<b>quota");
            assertThat(en).contains("queued",
                    "error: the simulator is switched off (it acts as a provider that does not answer); next attempt at ",
                    "error: 550 &#39;{0}&#39; &lt;b&gt;quota&lt;/b&gt;; next attempt at " + next, "dòng cũ của nhật ký")
                    .doesNotContain("trình mô phỏng đang tắt", "vào hàng đợi", "<b>quota");
            // the delivery's own detail: the provider's words, in both languages as they came
            assertThat(only(id).detail()).isEqualTo(DeliveryDetail.text("550 '{0}' <b>quota</b>"));
        } finally {
            simulator.switchDown(Channel.SMS, false, ADMIN);
        }
    }

    private String page(String path, String lang, MockHttpSession session) throws Exception {
        return mvc.perform(get(path)
                .param("lang", lang).session(session))
                .andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
