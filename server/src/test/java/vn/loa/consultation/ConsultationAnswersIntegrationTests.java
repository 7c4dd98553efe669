package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.TestClock;
import vn.loa.consultation.internal.ConsultationAnswersTestData;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.Languages;
import vn.loa.shared.NotFound;

/**
 * Groups and answers on the demo consultation written straight into the core tables: one answer reaches every
 * contribution of its group and each verified contributor once, in the Vietnamese words of the message bundle; four
 * eyes on the version the approver read, a stale page refused naming who changed the answer; published once by two at
 * once; another agency's officer sees nothing; an officer's corrections survive a regrouping, and a contribution moved
 * later gets its new group's answer.
 */
@SpringBootTest
@Import(TestClock.Config.class)
class ConsultationAnswersIntegrationTests {

    static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT", Set.of(Role.OFFICER));
    static final SignedInUser SPOKESPERSON = new SignedInUser(6L, "spokesperson", "Người phát ngôn Sở Y tế", null, "SYT",
            Set.of(Role.SPOKESPERSON));
    static final SignedInUser DISTRICT = new SignedInUser(5L, "district", "Cán bộ xã", null, "22852", Set.of(Role.OFFICER));
    static final SignedInUser LEADER = new SignedInUser(2L, "leader", "Lãnh đạo", null, null, Set.of(Role.LEADER));

    @Autowired
    ThemeGroups groups;

    @Autowired
    ConsultationAnswers answers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    TestClock clock;

    private ConsultationAnswersTestData.Fixture fixture() {
        return ConsultationAnswersTestData.create(jdbc, "SYT", UUID.randomUUID().toString().substring(0, 8), 200);
    }

    private ThemeGroups.Group largest(long consultationId, String unitKey) {
        return groups.groups(consultationId, OFFICER).stream().filter(a -> a.unitKey().equals(unitKey)).findFirst()
                .orElseThrow().groups().getFirst();
    }

    @Test
    void countsTheSupportiveCommentsOfAGroupAsAgreeingWithTheDraft() {
        ConsultationAnswersTestData.Fixture f = fixture();
        groups.regroup(f.consultationId(), OFFICER);
        List<String> supportive = groups.groups(f.consultationId(), OFFICER).stream()
                .flatMap(a -> a.groups().stream()).flatMap(g -> g.members().stream())
                .filter(m -> f.themes().get(m.contributionId()).equals("support-sorting"))
                .map(ThemeGroups.Member::sentiment).toList();
        assertThat(supportive).hasSizeGreaterThanOrEqualTo(15);
        // "Rất ủng hộ dự thảo", "Đồng tình", "ung ho 100%": their stance, whatever the tone of the rest of the comment
        // (one, "Quy định này sẽ giúp việc đó có cơ sở", says its support without a stance word: read by its tone)
        assertThat(supportive.stream().filter("negative"::equals).count()).isLessThanOrEqualTo(1);
        assertThat(supportive.stream().filter("positive"::equals).count()).isGreaterThanOrEqualTo(supportive.size() * 3 / 4);
    }

    @Test
    void oneAnswerReachesEveryContributionOfItsGroupAndEachVerifiedContributorOnce() {
        ConsultationAnswersTestData.Fixture f = fixture();
        ThemeGroups.Regrouped done = groups.regroup(f.consultationId(), OFFICER);
        assertThat(done.contributions()).isEqualTo(196); // the four toxic comments were rejected
        ThemeGroups.Group hours = largest(f.consultationId(), "a10");
        assertThat(hours.count()).isGreaterThanOrEqualTo(25);
        assertThat(hours.members()).allSatisfy(m -> assertThat(f.themes().get(m.contributionId())).isEqualTo("collection-hours"));
        assertThat(jdbc.sql("SELECT negative + neutral + positive + unclear FROM consultation_group WHERE id = ?")
                .param(hours.id()).query(Integer.class).single()).as("stored sentiment counts").isEqualTo(hours.count());
        assertThat(hours.negative()).as("complaints about late collection read as negative").isGreaterThan(hours.count() / 2);

        ThemeGroups.Answer draft = answers.save(hours.id(), Verdict.PARTLY_ACCEPTED,
                "Tiếp thu: thu gom 16:30-20:30 ở phường; không tiếp thu thu gom sáng sớm.", null, OFFICER);
        ThemeGroups.Answer submitted = answers.submit(draft.id(), draft.version(), OFFICER);
        assertThatThrownBy(() -> answers.approve(draft.id(), submitted.version(), OFFICER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> answers.publish(draft.id(), submitted.version(), OFFICER)).isInstanceOf(Conflict.class);
        ThemeGroups.Answer approved = answers.approve(draft.id(), submitted.version(), SPOKESPERSON);
        ThemeGroups.Answer published = answers.publish(draft.id(), approved.version(), OFFICER);
        assertThat(published.status()).isEqualTo(AnswerStatus.PUBLISHED);

        // every contribution of the group has the answer
        List<Long> answered = jdbc.sql("""
                SELECT m.contribution_id FROM consultation_group_member m JOIN consultation_answer a ON a.group_id = m.group_id
                WHERE a.id = ?""").param(published.id()).query(Long.class).list();
        assertThat(answered).containsExactlyInAnyOrderElementsOf(hours.members().stream()
                .map(ThemeGroups.Member::contributionId).toList());
        // each verified contact of the group is told once, through the publishing outbox
        long contacts = jdbc.sql("""
                SELECT count(DISTINCT lower(k.contact)) FROM consultation_contribution k JOIN consultation_group_member m
                ON m.contribution_id = k.id WHERE m.group_id = ? AND k.verified AND k.contact IS NOT NULL""")
                .param(hours.id()).query(Long.class).single();
        assertThat(contacts).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_notice WHERE answer_id = ?").param(published.id())
                .query(Long.class).single()).isEqualTo(contacts);
        assertThat(jdbc.sql("SELECT count(*) FROM pub_publication WHERE source LIKE ?")
                .param("consultation-notice:answer:" + published.id() + ":%").query(Long.class).single()).isEqualTo(contacts);
        assertThat(jdbc.sql("SELECT count(DISTINCT channel) FROM pub_publication WHERE source LIKE ?")
                .param("consultation-notice:answer:" + published.id() + ":%").query(Long.class).single()).isEqualTo(2);
        // the notice, in Vietnamese, word for word as it was written before its text moved to the message bundles
        record Notice(String name, String reference, String title, String body) {
        }
        Notice notice = jdbc.sql("""
                SELECT k.author_name, k.reference, p.title, p.body FROM consultation_notice n
                JOIN consultation_contribution k ON k.id = n.contribution_id JOIN pub_publication p ON p.id = n.publication_id
                WHERE n.answer_id = ? AND p.channel = 'EMAIL' ORDER BY n.id LIMIT 1""").param(published.id())
                .query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        String title = jdbc.sql("SELECT title FROM consultation WHERE id = ?").param(f.consultationId())
                .query(String.class).single();
        String article = groups.groups(f.consultationId(), OFFICER).stream().filter(a -> a.unitKey().equals("a10"))
                .findFirst().orElseThrow().article();
        assertThat(notice.title()).isEqualTo("Trả lời ý kiến góp ý dự thảo " + title);
        assertThat(notice.body()).startsWith("Kính gửi " + notice.name() + ",\n\nÝ kiến của Ông/Bà (mã " + notice.reference()
                + ") về " + article + " trong đợt \"" + title + "\" đã được cơ quan soạn thảo trả lời: tiếp thu một phần.\n"
                + "Tiếp thu: thu gom 16:30-20:30 ở phường; không tiếp thu thu gom sáng sớm.\n\n"
                + "Xem các ý kiến và phần giải trình, tiếp thu: http")
                .endsWith("/public/consultations/" + f.consultationId() + "/answers"); // publishing strips the last newline
        // publishing again tells nobody twice
        assertThatThrownBy(() -> answers.publish(draft.id(), approved.version(), OFFICER)).isInstanceOfSatisfying(
                Conflict.class, e -> assertThat(e.messageKey()).isEqualTo("consultation.answers.error.already.PUBLISHED"));

        ConsultationAnswers.PublicAnswers shown = answers.publicAnswers(f.consultationId());
        assertThat(shown.articles()).hasSize(1);
        assertThat(shown.articles().getFirst().groups()).extracting(ThemeGroups.Group::id).containsExactly(hours.id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'consultation-answer.published' AND target_id = ?")
                .param(String.valueOf(published.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aConsultationStillTakingCommentsIsNotAdoptedBeforeTheEndOfItsLastDay() {
        ConsultationAnswersTestData.Fixture f = fixture();
        // today is a day of the consultation, whatever day another test of this context left the clock on
        java.time.LocalDate today = jdbc.sql("SELECT opens_on FROM consultation WHERE id = ?").param(f.consultationId())
                .query(java.time.LocalDate.class).single().plusDays(1);
        java.time.Instant before = clock.instant();
        clock.set(today.atTime(10, 0).atZone(vn.loa.shared.LocalTime.ZONE).toInstant());
        try {
            stillOpenOnItsLastDay(f, today);
        } finally {
            clock.set(before);
        }
    }

    private void stillOpenOnItsLastDay(ConsultationAnswersTestData.Fixture f, java.time.LocalDate today) {
        // its last day is today: people were told they may comment until midnight
        jdbc.sql("UPDATE consultation SET closes_on = ? WHERE id = ?").params(java.sql.Date.valueOf(today),
                f.consultationId()).update();
        assertThat(groups.summary(f.consultationId(), OFFICER).openUntil()).isEqualTo(today);
        assertThatThrownBy(() -> answers.adopt(f.consultationId(), f.finalVersionId(), OFFICER))
                .isInstanceOfSatisfying(Conflict.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.adopt.error.still-open"));
        assertThat(jdbc.sql("SELECT status FROM consultation WHERE id = ?").param(f.consultationId())
                .query(String.class).single()).isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT count(*) FROM pub_publication WHERE source LIKE ?")
                .param("consultation-notice:adopted:" + f.consultationId() + ":%").query(Long.class).single()).isZero();
        // the day after, even before the closing job has marked it closed, it is adopted
        jdbc.sql("UPDATE consultation SET closes_on = ? WHERE id = ?").params(java.sql.Date.valueOf(today.minusDays(1)),
                f.consultationId()).update();
        assertThat(groups.summary(f.consultationId(), OFFICER).openUntil()).isNull();
        answers.adopt(f.consultationId(), f.finalVersionId(), OFFICER);
        assertThat(jdbc.sql("SELECT status FROM consultation WHERE id = ?").param(f.consultationId())
                .query(String.class).single()).isEqualTo("ADOPTED");
    }

    @Test
    void aTemplateNamesAGroupWithoutANameInWordsNotADash() {
        ConsultationAnswersTestData.Fixture f = fixture();
        groups.regroup(f.consultationId(), OFFICER);
        ThemeGroups.Group hours = largest(f.consultationId(), "a10");
        ConsultationAnswers.Template template = answers.saveTemplate("SYT", "Mẫu " + f.consultationId(), Verdict.ACCEPTED,
                "Về {theme} ({count} ý kiến), cơ quan soạn thảo tiếp thu.", OFFICER);
        assertThat(answers.fill(template.id(), hours.id(), OFFICER)).startsWith("Về " + hours.label() + " (");
        // a group the engine found no word for
        jdbc.sql("UPDATE consultation_group SET label = ? WHERE id = ?").params(ThemeGroups.UNNAMED, hours.id()).update();
        assertThat(answers.fill(template.id(), hours.id(), OFFICER)).startsWith("Về nhóm ý kiến này (").doesNotContain("—");
        // read back, it has no name rather than a dash (the API's label is null; pages say its number)
        ThemeGroups.Group unnamed = groups.groups(f.consultationId(), OFFICER).stream()
                .flatMap(a -> a.groups().stream()).filter(g -> g.id() == hours.id()).findFirst().orElseThrow();
        assertThat(unnamed.label()).isNull();
        assertThat(unnamed.named()).isFalse();
    }

    @Test
    void theAuthorCannotApproveButALeaderCanAndAllAtOnceSkipsTheirOwn() {
        ConsultationAnswersTestData.Fixture f = fixture();
        groups.regroup(f.consultationId(), OFFICER);
        List<ThemeGroups.ArticleGroups> all = groups.groups(f.consultationId(), OFFICER);
        for (ThemeGroups.ArticleGroups article : all.subList(0, 3)) {
            answers.save(article.groups().getFirst().id(), Verdict.NOT_ACCEPTED, "Giữ như dự thảo.", null, OFFICER);
        }
        assertThat(answers.submitAll(f.consultationId(), OFFICER)).isEqualTo(3);
        assertThat(answers.approveAll(f.consultationId(), OFFICER)).isZero();
        assertThatThrownBy(() -> answers.approveAll(f.consultationId(), DISTRICT)).isInstanceOf(NotFound.class);
        assertThat(answers.approveAll(f.consultationId(), LEADER)).isEqualTo(3);
        assertThat(answers.publishAll(f.consultationId(), OFFICER)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_answer WHERE consultation_id = ? AND status = 'PUBLISHED'"
                + " AND approved_by = 'leader' AND drafted_by = 'officer'").param(f.consultationId()).query(Long.class)
                .single()).isEqualTo(3);
    }

    @Test
    void anotherAgencysOfficerSeesNoGroupsAndCannotAnswer() {
        ConsultationAnswersTestData.Fixture f = fixture();
        groups.regroup(f.consultationId(), OFFICER);
        long group = largest(f.consultationId(), "a14").id();
        assertThatThrownBy(() -> groups.groups(f.consultationId(), DISTRICT)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groups.regroup(f.consultationId(), DISTRICT)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> answers.save(group, Verdict.ACCEPTED, "x", null, DISTRICT)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> answers.report(f.consultationId(), DISTRICT)).isInstanceOf(NotFound.class);
    }

    @Test
    void correctionsSurviveRegroupingAndAMovedContributionGetsItsNewGroupsAnswer() {
        ConsultationAnswersTestData.Fixture f = fixture();
        groups.regroup(f.consultationId(), OFFICER);
        // an article with two groups or more, the first of at least three comments
        String unit = groups.groups(f.consultationId(), OFFICER).stream()
                .filter(a -> a.groups().size() >= 2 && a.groups().getFirst().count() >= 3).findFirst().orElseThrow()
                .unitKey();
        List<ThemeGroups.Group> fees = groups.groups(f.consultationId(), OFFICER).stream()
                .filter(a -> a.unitKey().equals(unit)).findFirst().orElseThrow().groups();
        ThemeGroups.Group first = fees.get(0);
        ThemeGroups.Group second = fees.get(1);
        long moved = first.members().getLast().contributionId();
        long anchor = second.members().getFirst().contributionId();
        long split = first.members().get(first.members().size() - 2).contributionId();

        // the second group's answer is out before the move
        ThemeGroups.Answer a = answers.save(second.id(), Verdict.ACCEPTED, "Tiếp thu tại khoản 3 Điều 14.", null, OFFICER);
        publish(a);

        groups.correct(f.consultationId(), new ThemeGroups.Correction(CorrectionAction.MOVE, moved, anchor, null, null),
                OFFICER);
        groups.correct(f.consultationId(), new ThemeGroups.Correction(CorrectionAction.RENAME, anchor, null, null,
                "Giá dịch vụ đối với hộ kinh doanh nhỏ"), OFFICER);
        groups.correct(f.consultationId(), new ThemeGroups.Correction(CorrectionAction.SPLIT, null, null, List.of(split),
                "Ý kiến riêng"), SPOKESPERSON);
        assertThatThrownBy(() -> groups.correct(f.consultationId(), new ThemeGroups.Correction(CorrectionAction.RENAME,
                anchor, null, null, " "), OFFICER)).isInstanceOf(vn.loa.shared.InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "label");

        // the moved contribution now carries the second group's answer, and its contributor was told
        String contact = jdbc.sql("SELECT contact FROM consultation_contribution WHERE id = ?").param(moved)
                .query(String.class).optional().orElse(null);
        if (contact != null) {
            assertThat(jdbc.sql("SELECT count(*) FROM consultation_notice WHERE answer_id = ? AND contribution_id = ?")
                    .params(a.id(), moved).query(Long.class).single()).isEqualTo(1);
        }

        groups.regroup(f.consultationId(), OFFICER);
        List<ThemeGroups.Group> after = groups.groups(f.consultationId(), OFFICER).stream()
                .filter(g -> g.unitKey().equals(unit)).findFirst().orElseThrow().groups();
        ThemeGroups.Group withAnchor = after.stream().filter(g -> g.members().stream()
                .anyMatch(m -> m.contributionId() == anchor)).findFirst().orElseThrow();
        assertThat(withAnchor.members()).extracting(ThemeGroups.Member::contributionId).contains(moved);
        assertThat(withAnchor.label()).isEqualTo("Giá dịch vụ đối với hộ kinh doanh nhỏ");
        assertThat(withAnchor.answer()).isNotNull();
        assertThat(withAnchor.answer().id()).isEqualTo(a.id());
        ThemeGroups.Group alone = after.stream().filter(g -> g.members().stream()
                .anyMatch(m -> m.contributionId() == split)).findFirst().orElseThrow();
        assertThat(alone.manual()).isTrue();
        assertThat(alone.label()).isEqualTo("Ý kiến riêng");
        assertThat(alone.members()).hasSize(1);
        assertThat(groups.corrections(f.consultationId(), OFFICER)).extracting(ThemeGroups.CorrectionRecord::action)
                .containsExactly(CorrectionAction.MOVE, CorrectionAction.RENAME, CorrectionAction.SPLIT);
    }

    @Test
    void aStalePageNeitherApprovesATextRewrittenSinceNorPublishesTwice() throws Exception {
        ConsultationAnswersTestData.Fixture f = fixture();
        groups.regroup(f.consultationId(), OFFICER);
        ThemeGroups.Group hours = largest(f.consultationId(), "a10");
        ThemeGroups.Answer first = answers.save(hours.id(), Verdict.ACCEPTED, "Tiếp thu toàn bộ.", null, OFFICER);
        // the spokesperson's page shows this text, submitted
        ThemeGroups.Answer read = answers.submit(first.id(), first.version(), OFFICER);
        // the officer rewrites it and submits it again before the spokesperson clicks
        ThemeGroups.Answer rewritten = answers.save(hours.id(), Verdict.NOT_ACCEPTED, "Không tiếp thu.", null, OFFICER);
        ThemeGroups.Answer again = answers.submit(rewritten.id(), rewritten.version(), OFFICER);
        assertThat(again.status()).isEqualTo(read.status());
        assertThatThrownBy(() -> answers.approve(first.id(), read.version(), SPOKESPERSON)).isInstanceOfSatisfying(
                Conflict.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("consultation.answers.error.changed.SUBMITTED");
                    assertThat(e.arguments()[0]).isEqualTo("Cán bộ Sở Y tế");
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Languages.VIETNAMESE))
                            .startsWith("Câu trả lời đã được Cán bộ Sở Y tế sửa và gửi duyệt lại lúc ")
                            .contains("Hãy tải lại trang");
                });
        ThemeGroups.Answer unchanged = answer(f.consultationId(), hours.id());
        assertThat(unchanged.status()).isEqualTo(AnswerStatus.SUBMITTED);
        assertThat(unchanged.approvedBy()).isNull();
        assertThat(unchanged.reason()).isEqualTo("Không tiếp thu.");
        assertThatThrownBy(() -> answers.approve(first.id(), null, SPOKESPERSON)).isInstanceOfSatisfying(
                vn.loa.shared.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("version"));
        ThemeGroups.Answer approved = answers.approve(first.id(), again.version(), SPOKESPERSON);

        // two people publish what both saw approved, at once: one publishes and tells the contributors, the other is
        // told it is done; nobody is told twice
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> publish = () -> {
            together.await();
            try {
                return answers.publish(first.id(), approved.version(), OFFICER).status().name();
            } catch (Conflict e) {
                return e.messageKey();
            }
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = two.invokeAll(List.of(publish, publish));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder("PUBLISHED",
                    "consultation.answers.error.already.PUBLISHED");
        } finally {
            two.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'consultation-answer.published' AND target_id = ?")
                .param(String.valueOf(first.id())).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_notice WHERE answer_id = ?").param(first.id())
                .query(Long.class).single()).isEqualTo(jdbc.sql("""
                        SELECT count(DISTINCT lower(k.contact)) FROM consultation_contribution k
                        JOIN consultation_group_member m ON m.contribution_id = k.id
                        WHERE m.group_id = ? AND k.verified AND k.contact IS NOT NULL AND k.status = 'PUBLISHED'""")
                .param(hours.id()).query(Long.class).single());
    }

    private ThemeGroups.Answer answer(long consultationId, long groupId) {
        return groups.groups(consultationId, OFFICER).stream().flatMap(a -> a.groups().stream())
                .filter(g -> g.id() == groupId).findFirst().orElseThrow().answer();
    }

    /** Submits, approves and publishes an answer, each step on the version the one before returned. */
    private ThemeGroups.Answer publish(ThemeGroups.Answer a) {
        ThemeGroups.Answer submitted = answers.submit(a.id(), a.version(), OFFICER);
        ThemeGroups.Answer approved = answers.approve(a.id(), submitted.version(), SPOKESPERSON);
        return answers.publish(a.id(), approved.version(), OFFICER);
    }
}
