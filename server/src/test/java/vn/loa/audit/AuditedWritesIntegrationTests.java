package vn.loa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyDirectory.AgencyForm;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.ApiTokens;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.listening.AgencyRouting;
import vn.loa.listening.Alerts;
import vn.loa.listening.FeedSources;
import vn.loa.listening.PostCorrections;
import vn.loa.listening.PostImporter;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseTestData;
import vn.loa.misinformation.Cases;
import vn.loa.misinformation.Evidence;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryAction;
import vn.loa.press.EnquiryChannel;
import vn.loa.press.EnquiryKind;
import vn.loa.press.EnquiryStatus;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokespersons;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.Statements;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.LocalTime;

/**
 * Every module's writes and their audit records commit together or not at all: while these tests run, the
 * database refuses to append an audit record for an actor whose name starts with {@code audit-refused} (a
 * trigger), and each write by such an actor must leave nothing behind.
 */
@SpringBootTest
class AuditedWritesIntegrationTests {

    private static final String REFUSED = "audit-refused";
    /** When the posts of these tests were published: long before what other tests look at. */
    private static final Instant LONG_AGO = Instant.parse("2021-03-01T02:00:00Z");

    @Autowired
    Environment environment;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Alerts alerts;

    @Autowired
    FeedSources sources;

    @Autowired
    AgencyRouting routing;

    @Autowired
    PostCorrections corrections;

    @Autowired
    PostImporter importer;

    @Autowired
    Cases cases;

    @Autowired
    Evidence evidence;

    @Autowired
    Spokespersons spokespersons;

    @Autowired
    Enquiries enquiries;

    @Autowired
    Statements statements;

    @Autowired
    vn.loa.coordination.Directives directives;

    @Autowired
    vn.loa.coordination.Tasks tasks;

    @Autowired
    vn.loa.coordination.Difficulties difficulties;

    @BeforeEach
    void refuseTheAuditOfMarkedActors() throws SQLException {
        owner("""
                CREATE OR REPLACE FUNCTION test_refuse_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.actor LIKE 'audit-refused%' THEN
                        RAISE EXCEPTION 'audit append refused for %', NEW.actor;
                    END IF;
                    RETURN NEW;
                END;
                $$;
                DROP TRIGGER IF EXISTS test_refuse_marked_audit ON audit_record;
                CREATE TRIGGER test_refuse_marked_audit BEFORE INSERT ON audit_record
                    FOR EACH ROW EXECUTE FUNCTION test_refuse_marked_audit();
                """);
    }

    @AfterEach
    void acceptEveryAuditAgain() throws SQLException {
        owner("DROP TRIGGER IF EXISTS test_refuse_marked_audit ON audit_record; "
                + "DROP FUNCTION IF EXISTS test_refuse_marked_audit()");
    }

    @Test
    void identityLeavesNoUserAgencyOrTokenWhoseAuditFailed() {
        Actor refused = new Actor(REFUSED + "-admin", null);
        AgencyId health = agency("SYT").id();

        String username = fresh("nguoi-moi");
        assertRefused(() -> users.create(newUser(username), refused));
        assertThat(users.findByUsername(username)).as("user created").isEmpty();

        UserAccount existing = users.create(newUser(fresh("co-san")), Actor.SYSTEM);
        String hash = users.passwordHash(existing.id()).orElseThrow();
        assertRefused(() -> users.update(existing.id(),
                new Users.UserChanges("Tên Đã Đổi", existing.email(), existing.roles(), existing.agency()), refused));
        assertRefused(() -> users.disable(existing.id(), refused));
        assertRefused(() -> users.resetPassword(existing.id(), refused));
        UserAccount after = users.find(existing.id()).orElseThrow();
        assertThat(after.fullName()).as("user updated").isEqualTo(existing.fullName());
        assertThat(after.enabled()).as("user disabled").isTrue();
        assertThat(users.passwordHash(existing.id())).as("password reset").contains(hash);

        String code = "T" + ProcessHandle.current().pid() % 100_000 + "A";
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        assertRefused(() -> agencies.create(new AgencyForm(code, AgencyKind.DEPARTMENT, null, "Sở Thử Nghiệm",
                "Test Department", today, null, null), refused));
        assertThat(agencies.findByCode(code, today)).as("agency created").isEmpty();

        String tokenName = fresh("may-khach");
        assertRefused(() -> tokens.issue(tokenName, health, refused));
        assertThat(tokens.list()).as("token issued").noneMatch(token -> token.name().equals(tokenName));
        long token = tokens.issue(fresh("may-khach"), health, Actor.SYSTEM).token().id();
        assertRefused(() -> tokens.revoke(token, refused));
        assertThat(tokens.find(token).orElseThrow().active()).as("token revoked").isTrue();
    }

    @Test
    void listeningLeavesNoAlertRuleSourceRuleOrCorrectionWhoseAuditFailed() throws Exception {
        SignedInUser coordinator = signedIn(users.create(newUser(fresh(REFUSED + "-dieu-phoi"), Role.COORDINATOR),
                Actor.SYSTEM), Role.COORDINATOR);
        SignedInUser admin = signedIn(users.create(newUser(fresh(REFUSED + "-quan-tri"), Role.ADMIN), Actor.SYSTEM),
                Role.ADMIN);
        String keyword = CaseTestData.marker();

        // the defect reported: a province-wide rule answered 500 and yet was stored, active and not audited
        assertRefused(() -> alerts.addRule(new Alerts.RuleForm(null, "KEYWORD", "1", keyword, null, null), coordinator));
        assertThat(ruleCount(keyword)).as("alert rule stored").isZero();
        SignedInUser demoCoordinator = signedIn(users.findByUsername("coordinator").orElseThrow(), Role.COORDINATOR);
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm(null, "KEYWORD", "1", keyword, null, null), demoCoordinator);
        assertRefused(() -> alerts.disableRule(rule.id(), coordinator));
        assertThat(alerts.rules(coordinator).stream().filter(r -> r.id() == rule.id()).findFirst().orElseThrow().enabled())
                .as("alert rule disabled").isTrue();
        alerts.disableRule(rule.id(), demoCoordinator);

        String feed = "https://example.gov.vn/" + fresh("nguon") + "/rss";
        assertRefused(() -> sources.addFeed(new FeedSources.FeedForm("Báo " + keyword, feed, "news", "SYT", 60, 24),
                coordinator.actor()));
        assertThat(sources.all()).as("source added").noneMatch(source -> feed.equals(source.url()));
        FeedSources.Source source = sources.addFeed(new FeedSources.FeedForm("Báo " + keyword, feed, "news", "SYT", 60, 24),
                Actor.SYSTEM);
        assertRefused(() -> sources.setEnabled(source.id(), false, admin.actor()));
        assertThat(sources.find(source.id()).enabled()).as("source disabled").isTrue();
        sources.setEnabled(source.id(), false, Actor.SYSTEM);

        assertRefused(() -> routing.add("SYT", "KEYWORD", keyword, admin.actor()));
        assertThat(routing.all()).as("routing rule added").noneMatch(r -> r.value().equals(keyword));
        routing.add("SYT", "KEYWORD", keyword, Actor.SYSTEM);
        long routed = routing.all().stream().filter(r -> r.value().equals(keyword)).findFirst().orElseThrow().id();
        assertRefused(() -> routing.remove(routed, admin.actor()));
        assertThat(routing.all()).as("routing rule removed").anyMatch(r -> r.id() == routed);
        routing.remove(routed, Actor.SYSTEM);

        long post = CaseTestData.importPosts(importer, jdbc, LONG_AGO, "Bản ghi thử nghiệm " + keyword
                + " để kiểm tra việc ghi nhật ký khi sửa nhãn của một bài viết").get(0);
        String sentiment = jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(post).query(String.class).single();
        String other = sentiment.equals("positive") ? "negative" : "positive";
        assertRefused(() -> corrections.correct(post, "sentiment", other, coordinator));
        assertThat(jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(post).query(String.class).single())
                .as("post corrected").isEqualTo(sentiment);
        assertThat(corrections.of(post, coordinator)).as("correction recorded").isEmpty();

        String file = keyword + ".jsonl";
        assertRefused(() -> importer.importFile(file, new ByteArrayInputStream(("{\"source\":\"" + keyword
                + "\",\"platform\":\"facebook\",\"external_id\":\"1\",\"published_at\":\"" + LONG_AGO
                + "\",\"text\":\"Bản ghi thử nghiệm " + keyword + " để kiểm tra việc ghi nhật ký của một lần nhập\"}\n")
                .getBytes(StandardCharsets.UTF_8)), admin.actor(), null));
        assertThat(jdbc.sql("SELECT count(*) FROM post_import WHERE file_name = ? AND finished_at IS NOT NULL")
                .param(file).query(Long.class).single()).as("import recorded as finished").isZero();
    }

    @Test
    void misinformationLeavesNoCaseOrCaseWorkWhoseAuditFailed() throws Exception {
        SignedInUser coordinator = signedIn(users.create(newUser(fresh(REFUSED + "-ban"), Role.COORDINATOR),
                Actor.SYSTEM), Role.COORDINATOR);
        String marker = CaseTestData.marker();
        List<Long> posts = CaseTestData.importPosts(importer, jdbc, LONG_AGO,
                "Bản ghi thử nghiệm " + marker + " để kiểm tra việc ghi nhật ký khi mở một vụ việc",
                "Bản ghi thử nghiệm thứ hai " + marker + " để kiểm tra việc ghi nhật ký khi gắn thêm bài");
        String claim = "Bản ghi thử nghiệm " + marker;

        assertRefused(() -> cases.open(new Cases.NewCase(claim, "FALSE_INFORMATION", "LOW", List.of(posts.get(0)), null,
                null, null), coordinator));
        assertThat(jdbc.sql("SELECT count(*) FROM misinformation_case WHERE claim = ?").param(claim).query(Long.class)
                .single()).as("case opened").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_item WHERE post_id = ?").param(posts.get(0)).query(Long.class)
                .single()).as("evidence captured with the case").isZero();

        Case opened = cases.open(new Cases.NewCase(claim, "FALSE_INFORMATION", "LOW", List.of(posts.get(0)), null, null,
                null), signedIn(users.findByUsername("coordinator").orElseThrow(), Role.COORDINATOR));
        assertRefused(() -> cases.act(opened.id(), new Cases.Transition("TRIAGE", null, "HIGH", null, null, null, null,
                null, null), coordinator));
        assertThat(cases.get(opened.id(), coordinator).status()).as("case triaged").isEqualTo(opened.status());
        assertRefused(() -> cases.linkPosts(opened.id(), List.of(posts.get(1)), coordinator));
        assertThat(cases.posts(opened)).as("post linked").noneMatch(linked -> linked.post().id() == posts.get(1));
        assertRefused(() -> cases.addNote(opened.id(), new Cases.NoteForm("Đã gọi Sở Giáo dục", "Sở Giáo dục", ""),
                coordinator));
        assertThat(cases.notes(opened)).as("note added").isEmpty();
        assertRefused(() -> cases.attach(opened.id(), "cong-van.txt", "Công văn".getBytes(StandardCharsets.UTF_8),
                coordinator));
        assertThat(cases.attachments(opened)).as("file attached").isEmpty();
        long items = evidence.items(opened.id(), coordinator).size();
        assertRefused(() -> evidence.capture(opened.id(), coordinator));
        assertThat(evidence.items(opened.id(), coordinator)).as("evidence captured").hasSize((int) items);
    }

    @Test
    void pressLeavesNoSpokespersonEnquiryOrStatementWhoseAuditFailed() {
        SignedInUser refused = new SignedInUser(null, fresh(REFUSED + "-press"), "Nguyễn Văn Thử", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        SignedInUser coordinator = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL", Set.of(Role.COORDINATOR));
        String name = fresh("Người phát ngôn thử");
        assertRefused(() -> spokespersons.appoint(new Spokespersons.Appointment("TTRA", SpeakerCapacity.HEAD, null, name,
                "Chánh Thanh tra", "0258 3822 009", "thu@example.vn", null, LocalDate.now(LocalTime.ZONE), null), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM press_spokesperson WHERE full_name = ?").param(name).query(Long.class)
                .single()).as("spokesperson entered").isZero();
        String subject = fresh("Câu hỏi thử");
        assertRefused(() -> enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, EnquiryChannel.PHONE,
                "Phóng viên thử", null, null, "0905000000", subject, "Câu hỏi?", null), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM press_enquiry WHERE subject = ?").param(subject).query(Long.class)
                .single()).as("enquiry recorded").isZero();
        Enquiry asked = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, EnquiryChannel.PHONE,
                "Phóng viên thử", null, null, "0905000000", subject, "Câu hỏi?", null), coordinator);
        assertRefused(() -> enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.DRAFT, "Dự thảo", null, null,
                null), refused));
        assertThat(enquiries.get(asked.id(), coordinator).status()).as("enquiry drafted").isEqualTo(EnquiryStatus.RECEIVED);
        assertThat(enquiries.history(asked.id(), coordinator)).as("history of the draft").hasSize(1);
        String title = fresh("Thông cáo thử");
        assertRefused(() -> statements.draft(new Statements.Draft("SYT", StatementForm.PRESS_RELEASE, StatementChannel.PORTAL,
                title, "Nội dung thử", null, null), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM press_statement WHERE title = ?").param(title).query(Long.class).single())
                .as("statement drafted").isZero();
    }

    @Autowired
    vn.loa.consultation.Drafts consultationDrafts;

    @Autowired
    vn.loa.consultation.Consultations consultations;

    @Autowired
    vn.loa.consultation.Contributions contributions;

    @Test
    void consultationLeavesNoDraftConsultationOrContributionWhoseAuditFailed() {
        SignedInUser refused = new SignedInUser(null, fresh(REFUSED + "-consultation"), "Nguyễn Văn Thử", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        SignedInUser coordinator = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL", Set.of(Role.COORDINATOR));
        String title = fresh("Dự thảo thử");
        byte[] docx = vn.loa.consultation.internal.ConsultationTestData.docx("draft-v1.txt", title);
        assertRefused(() -> consultationDrafts.importDraft(new vn.loa.consultation.Drafts.NewDraft("SNNMT", title, null,
                "d.docx", docx, null), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_draft WHERE title = ?").param(title).query(Long.class)
                .single()).as("draft imported").isZero();
        vn.loa.consultation.Drafts.Draft draft = consultationDrafts.importDraft(new vn.loa.consultation.Drafts.NewDraft(
                "SNNMT", title, null, "d.docx", docx, null), coordinator);
        assertRefused(() -> consultationDrafts.importVersion(draft.id(), "v2.docx", docx, null, true, refused));
        assertThat(consultationDrafts.versions(draft.id(), coordinator)).as("versions").hasSize(1);
        long versionId = consultationDrafts.versions(draft.id(), coordinator).get(0).id();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        vn.loa.consultation.Consultations.NewConsultation asked = new vn.loa.consultation.Consultations.NewConsultation(
                versionId, title, null, today, today.plusDays(29), List.of("Câu hỏi?"), List.of(), List.of());
        assertRefused(() -> consultations.create(asked, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM consultation WHERE title = ?").param(title).query(Long.class).single())
                .as("consultation created").isZero();
        vn.loa.consultation.Consultation created = consultations.create(asked, coordinator);
        assertRefused(() -> consultations.publish(created.id(), refused));
        assertThat(consultations.get(created.id(), coordinator).status()).as("published")
                .isEqualTo(vn.loa.consultation.ConsultationStatus.DRAFT);
        consultations.publish(created.id(), coordinator);
        byte[] csv = ("article,name,kind,organisation,contact,received,text\r\n5,Thử,CITIZEN,,," + LocalTime.format(today)
                + ",Xem https://example.vn\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertRefused(() -> contributions.importCsv(created.id(), csv, refused));
        assertThat(contributions.list(created.id(), null, null, coordinator)).as("contributions imported").isEmpty();
        contributions.importCsv(created.id(), csv, coordinator);
        long held = contributions.list(created.id(), null, null, coordinator).get(0).id();
        assertRefused(() -> contributions.reject(held, vn.loa.consultation.ContributionStatus.RECEIVED, "Quảng cáo", refused));
        assertThat(contributions.get(held, coordinator).status()).as("rejected")
                .isEqualTo(vn.loa.consultation.ContributionStatus.RECEIVED);
        assertRefused(() -> contributions.recordOfficial(created.id(), new vn.loa.consultation.Contributions.OfficialOpinion(
                "Hội thử", "Người ký", null, "Ý kiến", "y.pdf", "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                refused));
        assertThat(contributions.list(created.id(), null, null, coordinator)).as("official opinion").hasSize(1);
    }

    @Autowired
    vn.loa.press.Crises crises;

    @Autowired
    vn.loa.press.Obligations obligations;

    @Test
    void pressLeavesNoCrisisOrConferenceWhoseAuditFailed() {
        SignedInUser refused = new SignedInUser(null, fresh(REFUSED + "-crisis"), "Nguyễn Văn Thử", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        String title = fresh("Sự kiện thử");
        assertRefused(() -> crises.open(new vn.loa.press.Crises.Opening(vn.loa.press.CrisisSource.MANUAL, null, "SYT",
                title, null), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM press_crisis WHERE title = ?").param(title).query(Long.class).single())
                .as("crisis opened").isZero();
        assertRefused(() -> obligations.schedule(new vn.loa.press.Obligations.Plan("SYT", title, Instant.now(), null,
                "Chương trình", List.of(), null), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM press_conference WHERE title = ?").param(title).query(Long.class).single())
                .as("conference scheduled").isZero();
    }

    @Autowired
    vn.loa.publishing.Publishing publishing;

    @Autowired
    vn.loa.publishing.Broadcasts broadcasts;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void publishingLeavesNoPublicationStationOrConfirmationWhoseAuditFailed() {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        String source = fresh("test:audited");
        // an emergency bulletin, on air at once, so that its confirmation now is refused by the audit only (an ordinary
        // one is not confirmed before its first slot)
        vn.loa.publishing.Publication bulletin = new vn.loa.publishing.Publication(source, null, null,
                agency("SYT").id(), vn.loa.publishing.Channel.LOUDSPEAKER, "vi", "Bản tin thử", "Nội dung thử",
                List.of("22786"), List.of(), List.of(), null, true);
        assertRefused(() -> tx.execute(status -> publishing.enqueue(bulletin, new vn.loa.shared.Actor(REFUSED + "-pub",
                "SYT"))));
        assertThat(publishing.bySource(source)).as("publication enqueued").isEmpty();
        SignedInUser refusedCoordinator = new SignedInUser(null, fresh(REFUSED + "-station"), "Nguyễn Văn Thử", null,
                "SVHTTDL", Set.of(Role.COORDINATOR));
        String name = fresh("Đài thử");
        assertRefused(() -> broadcasts.addStation(new vn.loa.publishing.Broadcasts.NewStation("22813",
                vn.loa.publishing.Channel.LOUDSPEAKER, name, "06:00", null), refusedCoordinator));
        assertThat(jdbc.sql("SELECT count(*) FROM pub_station WHERE name = ?").param(name).query(Long.class).single())
                .as("station added").isZero();
        long id = tx.execute(status -> publishing.enqueue(bulletin, new vn.loa.shared.Actor("officer", "SYT")));
        SignedInUser refusedCommune = new SignedInUser(null, fresh(REFUSED + "-commune"), "Cán bộ xã thử", null,
                "22786", Set.of(Role.OFFICER));
        long broadcast = jdbc.sql("SELECT id FROM pub_broadcast WHERE publication_id = ?").param(id).query(Long.class)
                .single();
        assertRefused(() -> broadcasts.confirm(broadcast, null, null, refusedCommune));
        assertThat(broadcasts.get(broadcast, refusedCommune).confirmedAt()).as("broadcast confirmed").isNull();
        assertThat(publishing.deliveries(id, new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
                Set.of(Role.COORDINATOR)))).allSatisfy(d -> assertThat(d.status())
                        .isEqualTo(vn.loa.publishing.DeliveryStatus.PENDING));
    }

    @Autowired
    vn.loa.campaigns.Campaigns campaignPlans;

    @Autowired
    vn.loa.campaigns.Messages campaignMessages;

    @Test
    void campaignsLeaveNoPlanMessageVersionOrStepWhoseAuditFailed() {
        SignedInUser refused = new SignedInUser(null, fresh(REFUSED + "-campaign"), "Nguyễn Văn Thử", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        SignedInUser coordinator = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL", Set.of(Role.COORDINATOR));
        String title = fresh("Kế hoạch thử");
        assertRefused(() -> campaignPlans.createPlan("SNV", 2099, title, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_plan WHERE title = ?").param(title).query(Long.class).single())
                .as("plan created").isZero();
        int year = jdbc.sql("""
                SELECT min(y) FROM generate_series(2020, 2098) y
                WHERE NOT EXISTS (SELECT 1 FROM campaign_plan WHERE agency_code = 'SNV' AND year = y)""")
                .query(Integer.class).single();
        long plan = campaignPlans.createPlan("SNV", year, title, coordinator).id();
        long campaign = campaignPlans.create(plan, new vn.loa.campaigns.Campaigns.Draft(title, "Chính sách thử", null, null,
                List.of(), List.of(), List.of(vn.loa.publishing.Channel.SMS), List.of(), LocalDate.of(year, 12, 1),
                LocalDate.of(year, 12, 31), null, null, List.of()), coordinator).id();
        assertRefused(() -> campaignMessages.write(campaign, title, "Nội dung thử", null, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_message WHERE title = ?").param(title).query(Long.class).single())
                .as("message written").isZero();
        long message = campaignMessages.write(campaign, title, "Nội dung thử", null, coordinator).id();
        assertRefused(() -> campaignMessages.saveVersion(message, vn.loa.campaigns.VersionKind.SMS, null, "Tin nhan thu",
                null, null, refused));
        assertThat(campaignMessages.versions(message, coordinator)).as("version saved").isEmpty();
        campaignMessages.saveVersion(message, vn.loa.campaigns.VersionKind.SMS, null, "Tin nhan thu", null, null, coordinator);
        assertRefused(() -> campaignMessages.act(message, vn.loa.campaigns.MessageAction.SUBMIT, null, null, refused));
        assertThat(campaignMessages.get(message, coordinator).status()).as("message submitted")
                .isEqualTo(vn.loa.campaigns.MessageStatus.DRAFT);
        assertThat(campaignMessages.steps(message, coordinator)).as("steps").hasSize(1);
    }

    @Autowired
    vn.loa.consultation.ThemeGroups themeGroups;

    @Autowired
    vn.loa.consultation.ConsultationAnswers consultationAnswers;

    @Test
    void consultationLeavesNoGroupCorrectionAnswerOrNoticeWhoseAuditFailed() {
        SignedInUser refused = new SignedInUser(null, fresh(REFUSED + "-consultation"), "Nguyễn Văn Thử", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        SignedInUser officer = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT", Set.of(Role.OFFICER));
        SignedInUser leader = new SignedInUser(2L, "leader", "Lãnh đạo", null, null, Set.of(Role.LEADER));
        long id = vn.loa.consultation.internal.ConsultationAnswersTestData.create(jdbc, "SYT", fresh("audit"), 30).consultationId();
        assertRefused(() -> themeGroups.regroup(id, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_group WHERE consultation_id = ?").param(id)
                .query(Long.class).single()).as("groups made").isZero();
        themeGroups.regroup(id, officer);
        var group = themeGroups.groups(id, officer).getFirst().groups().getFirst();
        assertRefused(() -> themeGroups.correct(id, new vn.loa.consultation.ThemeGroups.Correction(
                vn.loa.consultation.CorrectionAction.RENAME, group.representative().contributionId(), null, null, "Thử"),
                refused));
        assertThat(themeGroups.corrections(id, officer)).as("corrections kept").isEmpty();
        assertRefused(() -> consultationAnswers.save(group.id(), vn.loa.consultation.Verdict.ACCEPTED, "Tiếp thu.", null,
                refused));
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_answer WHERE group_id = ?").param(group.id())
                .query(Long.class).single()).as("answer written").isZero();
        vn.loa.consultation.ThemeGroups.Answer saved = consultationAnswers.save(group.id(),
                vn.loa.consultation.Verdict.ACCEPTED, "Tiếp thu.", null, officer);
        long answer = saved.id();
        int submitted = consultationAnswers.submit(answer, saved.version(), officer).version();
        assertRefused(() -> consultationAnswers.approve(answer, submitted, refused));
        int approved = consultationAnswers.approve(answer, submitted, leader).version();
        assertRefused(() -> consultationAnswers.publish(answer, approved, refused));
        assertThat(jdbc.sql("SELECT status FROM consultation_answer WHERE id = ?").param(answer).query(String.class)
                .single()).as("answer published").isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_notice WHERE answer_id = ?").param(answer)
                .query(Long.class).single()).as("notices sent").isZero();
    }

    @Test
    void coordinationLeavesNoDirectiveTaskProgressOrDifficultyWhoseAuditFailed() {
        SignedInUser refused = new SignedInUser(null, fresh(REFUSED + "-coordination"), "Nguyễn Văn Thử", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        SignedInUser coordinator = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        SignedInUser officer = new SignedInUser(null, "officer", "Cán bộ Sở Y tế", agency("SYT").id(), "SYT",
                Set.of(Role.OFFICER));
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        String number = fresh("audit") + "/KH-UBND";
        assertRefused(() -> directives.create(new vn.loa.coordination.Directives.NewDirective("Kế hoạch", number,
                today.minusDays(3), "56", "Phó Chủ tịch", "Kế hoạch thử", null, null, null, null), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM coord_directive WHERE number = ?").param(number).query(Long.class)
                .single()).as("directive entered").isZero();
        long directive = directives.create(new vn.loa.coordination.Directives.NewDirective("Kế hoạch", number,
                today.minusDays(3), "56", "Phó Chủ tịch", "Kế hoạch thử", null, null, null, null), coordinator).id();
        vn.loa.coordination.Tasks.NewTask task = new vn.loa.coordination.Tasks.NewTask("1", "Nhiệm vụ thử", "Kết quả",
                List.of("SYT"), List.of(), vn.loa.coordination.Recurrence.ONCE, today.plusDays(5), null, null, null, null,
                false);
        assertRefused(() -> tasks.add(directive, task, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM coord_task WHERE directive_id = ?").param(directive).query(Long.class)
                .single()).as("task added").isZero();
        long id = tasks.add(directive, task, coordinator).get(0).id();
        assertRefused(() -> tasks.transition(id, new vn.loa.coordination.Tasks.Transition(
                vn.loa.coordination.Tasks.Action.CANCEL, "thử", null, null), refused));
        assertThat(tasks.get(id, coordinator).state()).as("task cancelled").isEqualTo("OPEN");
        SignedInUser refusedOfficer = new SignedInUser(null, fresh(REFUSED + "-officer"), "Cán bộ", officer.agency(), "SYT",
                Set.of(Role.OFFICER));
        assertRefused(() -> tasks.report(id, new vn.loa.coordination.Tasks.NewProgress(null, "Đã xong", 100,
                java.util.Map.of(), true, List.of()), refusedOfficer));
        assertThat(tasks.progress(id, coordinator)).as("progress recorded").isEmpty();
        assertThat(tasks.occurrences(id, coordinator).get(0).doneOn()).as("done recorded").isNull();
        assertRefused(() -> difficulties.submit(new vn.loa.coordination.Difficulties.NewDifficulty("PROPOSAL",
                "Đề nghị thử " + number, "Nội dung", id, null, List.of()), refusedOfficer));
        assertThat(jdbc.sql("SELECT count(*) FROM coord_difficulty WHERE title = ?").param("Đề nghị thử " + number)
                .query(Long.class).single()).as("difficulty sent").isZero();
    }

    @Test
    void periodicReportsLeaveNoDraftEditOrIssueWhoseAuditFailed() {
        vn.loa.coordination.PeriodicReports reports = context.getBean(vn.loa.coordination.PeriodicReports.class);
        SignedInUser refused = signedIn(users.create(newUser(fresh(REFUSED + "-bao-cao"), Role.COORDINATOR), Actor.SYSTEM),
                Role.COORDINATOR);
        SignedInUser coordinator = signedIn(users.findByUsername("coordinator").orElseThrow(), Role.COORDINATOR);
        vn.loa.coordination.ReportPeriod period = vn.loa.coordination.ReportPeriod.of("MONTHLY", 2021, 3,
                LocalDate.of(2026, 1, 1));
        long before = jdbc.sql("SELECT count(*) FROM coord_report").query(Long.class).single();
        assertRefused(() -> reports.generate(period, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM coord_report").query(Long.class).single()).as("report generated")
                .isEqualTo(before);
        var draft = reports.generate(period, coordinator);
        assertRefused(() -> reports.edit(draft.id(), java.util.Map.of("press", "sửa"), draft.version(), refused));
        assertRefused(() -> reports.regenerate(draft.id(), true, refused));
        assertRefused(() -> reports.issue(draft.id(), false, refused));
        var after = reports.get(draft.id(), coordinator);
        assertThat(after.sections()).as("sections edited").isEqualTo(draft.sections());
        assertThat(after.version()).as("report changed").isEqualTo(draft.version());
        assertThat(after.status()).as("report issued").isEqualTo("DRAFT");
        assertThat(after.number()).isNull();
    }

    @Autowired
    vn.loa.resources.Resources resources;

    @Test
    void resourcesLeaveNoStaffTrainingContractBudgetLineOrRequirementWhoseAuditFailed() {
        SignedInUser refused = new SignedInUser(null, fresh(REFUSED + "-resources"), "Nguyễn Văn Thử", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        SignedInUser coordinator = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL", Set.of(Role.COORDINATOR));
        long health = agency("SYT").id().value();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        String name = fresh("Cán bộ thử");
        vn.loa.resources.Resources.StaffForm staffForm = new vn.loa.resources.Resources.StaffForm(health, name, null,
                vn.loa.resources.Duty.COMMUNICATION_OFFICER, false, null, null, today, null);
        assertRefused(() -> resources.addStaff(staffForm, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM res_staff WHERE full_name = ?").param(name).query(Long.class).single())
                .as("staff added").isZero();
        vn.loa.resources.Staff staff = resources.addStaff(staffForm, coordinator);
        assertRefused(() -> resources.addTraining(new vn.loa.resources.Resources.TrainingForm(staff.id(), "Khóa thử", null,
                today, null, null), refused));
        assertThat(resources.trainings(health, coordinator)).as("training").noneMatch(t -> t.staffId() == staff.id());
        String number = fresh("HĐ");
        vn.loa.resources.Resources.ContractForm contractForm = new vn.loa.resources.Resources.ContractForm(health,
                agency("BPTTH").id().value(), number, today, "Đặt hàng thử", null, 1_000_000L, today, today.plusDays(30),
                null, null);
        assertRefused(() -> resources.addContract(contractForm, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM res_press_contract WHERE number = ?").param(number).query(Long.class)
                .single()).as("contract added").isZero();
        String item = fresh("Dòng thử");
        vn.loa.resources.Resources.BudgetForm budgetForm = new vn.loa.resources.Resources.BudgetForm(health,
                today.getYear(), item, null, 1_000_000L, 0L, 0L, null, null);
        assertRefused(() -> resources.addBudgetLine(budgetForm, refused));
        assertThat(jdbc.sql("SELECT count(*) FROM res_budget_line WHERE name = ?").param(item).query(Long.class).single())
                .as("budget line added").isZero();
        vn.loa.resources.BudgetLine line = resources.addBudgetLine(budgetForm, coordinator);
        assertRefused(() -> resources.updateBudgetLine(line.id(), new vn.loa.resources.Resources.BudgetForm(null, null, item,
                null, 2_000_000L, 1_500_000L, 0L, null, null), refused));
        assertThat(resources.budgetLine(line.id(), coordinator).plannedVnd()).as("budget line updated").isEqualTo(1_000_000L);
        String note = fresh("Yêu cầu thử");
        assertRefused(() -> resources.addRequirement(new vn.loa.resources.Resources.RequirementForm(null, null,
                AgencyKind.OTHER, vn.loa.resources.RequirementKind.BUDGET_LINE, 0, note), refused));
        assertThat(jdbc.sql("SELECT count(*) FROM res_requirement WHERE note = ?").param(note).query(Long.class).single())
                .as("requirement added").isZero();
    }

    private static void assertRefused(ThrowingCallable write) {
        assertThatThrownBy(write).rootCause().hasMessageContaining("audit append refused");
    }

    private long ruleCount(String keyword) {
        return jdbc.sql("SELECT count(*) FROM alert_rule WHERE keyword = ?").param(keyword).query(Long.class).single();
    }

    private Agency agency(String code) {
        return agencies.findByCode(code, LocalDate.now(LocalTime.ZONE)).orElseThrow();
    }

    private static SignedInUser signedIn(UserAccount account, Role role) {
        return new SignedInUser(account.id(), account.username(), account.fullName(), null, null, Set.of(role));
    }

    private static Users.NewUser newUser(String username) {
        return newUser(username, Role.LEADER);
    }

    private static Users.NewUser newUser(String username, Role role) {
        return new Users.NewUser(username, "Nguyễn Văn Thử", username + "@example.gov.vn", "mat-khau-dai-1", Set.of(role),
                null);
    }

    private static String fresh(String stem) {
        return stem + "-" + CaseTestData.marker().substring(2);
    }

    private void owner(String sql) throws SQLException {
        try (Connection owner = DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"),
                "postgres", ""); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }
}
