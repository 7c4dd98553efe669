package vn.loa.misinformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.shared.Actor;

/** The case's state machine: every transition it allows, and every one it refuses. */
class CaseUnitTests {

    private static final Instant OPENED = Instant.parse("2026-11-27T01:00:00Z");
    private static final Actor COORDINATOR = new Actor("coordinator", "STTTT");

    /**
     * The workflow as the desk describes it, written out here on its own so that a change to
     * {@link CaseAction} that the desk did not mean shows as a failure.
     */
    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> ALLOWED = new EnumMap<>(CaseStatus.class);

    static {
        for (CaseStatus status : CaseStatus.values()) {
            ALLOWED.put(status, new EnumMap<>(CaseAction.class));
        }
        ALLOWED.get(CaseStatus.RECEIVED).put(CaseAction.TRIAGE, CaseStatus.TRIAGED);
        ALLOWED.get(CaseStatus.RECEIVED).put(CaseAction.DISMISS, CaseStatus.DISMISSED);
        ALLOWED.get(CaseStatus.TRIAGED).put(CaseAction.ASSIGN, CaseStatus.ASSIGNED);
        ALLOWED.get(CaseStatus.TRIAGED).put(CaseAction.DISMISS, CaseStatus.DISMISSED);
        ALLOWED.get(CaseStatus.ASSIGNED).put(CaseAction.ASSIGN, CaseStatus.ASSIGNED);
        ALLOWED.get(CaseStatus.ASSIGNED).put(CaseAction.START_VERIFICATION, CaseStatus.VERIFYING);
        ALLOWED.get(CaseStatus.ASSIGNED).put(CaseAction.DISMISS, CaseStatus.DISMISSED);
        ALLOWED.get(CaseStatus.VERIFYING).put(CaseAction.ASSIGN, CaseStatus.ASSIGNED);
        ALLOWED.get(CaseStatus.VERIFYING).put(CaseAction.SUBMIT_ANSWER, CaseStatus.AWAITING_APPROVAL);
        ALLOWED.get(CaseStatus.VERIFYING).put(CaseAction.REFER, CaseStatus.REFERRED);
        ALLOWED.get(CaseStatus.VERIFYING).put(CaseAction.DISMISS, CaseStatus.DISMISSED);
        ALLOWED.get(CaseStatus.AWAITING_APPROVAL).put(CaseAction.APPROVE, CaseStatus.REFUTED);
        ALLOWED.get(CaseStatus.AWAITING_APPROVAL).put(CaseAction.RETURN, CaseStatus.VERIFYING);
        for (CaseStatus closed : CaseStatus.CLOSED) {
            ALLOWED.get(closed).put(CaseAction.REOPEN, CaseStatus.TRIAGED);
        }
    }

    @Test
    void takesEveryAllowedTransitionAndRegistersItsEvent() {
        int taken = 0;
        for (CaseStatus status : CaseStatus.values()) {
            for (Map.Entry<CaseAction, CaseStatus> allowed : ALLOWED.get(status).entrySet()) {
                Case c = caseIn(status, Verdict.FALSE);
                take(c, allowed.getKey());
                assertThat(c.status()).as("%s from %s", allowed.getKey(), status).isEqualTo(allowed.getValue());
                assertThat(c.events()).singleElement().satisfies(event -> {
                    assertThat(event.action()).isEqualTo(allowed.getKey());
                    assertThat(event.from()).isEqualTo(status);
                    assertThat(event.to()).isEqualTo(allowed.getValue());
                    assertThat(event.by()).isEqualTo(COORDINATOR);
                });
                taken++;
            }
        }
        assertThat(taken).isEqualTo(17);
    }

    @Test
    void refusesEveryOtherTransitionAndLeavesTheCaseAsItWas() {
        int refused = 0;
        for (CaseStatus status : CaseStatus.values()) {
            for (CaseAction action : CaseAction.values()) {
                if (ALLOWED.get(status).containsKey(action)) {
                    continue;
                }
                Case c = caseIn(status, Verdict.FALSE);
                assertThatThrownBy(() -> take(c, action)).as("%s from %s", action, status)
                        .isInstanceOfSatisfying(CaseTransitionRefused.class, e -> {
                            assertThat(e.action()).isEqualTo(action);
                            assertThat(e.status()).isEqualTo(status);
                            assertThat(e.messageKey()).isEqualTo("case.error.transition");
                        });
                assertThat(c.status()).isEqualTo(status);
                assertThat(c.events()).isEmpty();
                refused++;
            }
        }
        assertThat(refused).isEqualTo(CaseStatus.values().length * CaseAction.values().length - 17);
    }

    @Test
    void approvingAClarificationAnswersTheCaseInsteadOfRefutingIt() {
        Case c = caseIn(CaseStatus.AWAITING_APPROVAL, Verdict.CLARIFICATION);
        c.approve("tin-1", COORDINATOR, OPENED.plusSeconds(60));
        assertThat(c.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(c.publishedAt()).isEqualTo(OPENED.plusSeconds(60));
        assertThat(c.slug()).isEqualTo("tin-1");
    }

    @Test
    void startingVerificationMakesTheOfficerTheOwnerWhenThereWasNone() {
        Case c = caseIn(CaseStatus.ASSIGNED, null);
        c.startVerification(new Actor("officer", "SYT"), OPENED);
        assertThat(c.owner()).isEqualTo("officer");
    }

    @Test
    void reopeningWithdrawsThePublishedAnswerAndSetsANewDeadline() {
        Case c = caseIn(CaseStatus.AWAITING_APPROVAL, Verdict.FALSE);
        c.approve("tin-1", COORDINATOR, OPENED.plusSeconds(60));
        c.escalated(OPENED.plusSeconds(30));
        Instant later = OPENED.plus(Duration.ofDays(3));
        c.reopen("new facts", later.plus(Duration.ofHours(24)), COORDINATOR, later);
        assertThat(c.publishedAt()).isNull();
        assertThat(c.closedAt()).isNull();
        assertThat(c.escalatedAt()).isNull();
        assertThat(c.deadline()).isEqualTo(later.plus(Duration.ofHours(24)));
        assertThat(c.overdue(later.plus(Duration.ofHours(23)))).isFalse();
    }

    @Test
    void deadlinesFollowSeverityAndAnOpenCaseIsOverdueOnlyAfterIt() {
        DeadlineRules rules = new DeadlineRules(Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(72),
                Duration.ofDays(7));
        assertThat(rules.deadline(Severity.CRITICAL, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(4)));
        assertThat(rules.deadline(Severity.HIGH, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(24)));
        assertThat(rules.deadline(Severity.MEDIUM, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(72)));
        assertThat(rules.deadline(Severity.LOW, OPENED)).isEqualTo(OPENED.plus(Duration.ofDays(7)));
        Case c = caseIn(CaseStatus.VERIFYING, null);
        Instant deadline = c.deadline();
        assertThat(c.overdue(deadline)).isFalse();
        assertThat(c.overdue(deadline.plusSeconds(1))).isTrue();
        Case closed = caseIn(CaseStatus.REFERRED, null);
        assertThat(closed.overdue(deadline.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void refusesDeadlineRulesThatGiveAGraverCaseMoreTime() {
        assertThatThrownBy(() -> new DeadlineRules(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(72),
                Duration.ofDays(7))).hasMessageContaining("more severe");
        assertThatThrownBy(() -> new DeadlineRules(Duration.ZERO, Duration.ofHours(24), Duration.ofHours(72),
                Duration.ofDays(7))).hasMessageContaining("deadline.critical");
    }

    private static void take(Case c, CaseAction action) {
        Instant now = OPENED.plusSeconds(600);
        switch (action) {
            case TRIAGE -> c.triage(CaseCategory.DISTORTED_POLICY, Severity.HIGH, OPENED.plus(Duration.ofHours(24)),
                    COORDINATOR, now);
            case ASSIGN -> c.assignTo("SYT", null, COORDINATOR, now);
            case START_VERIFICATION -> c.startVerification(COORDINATOR, now);
            case SUBMIT_ANSWER -> c.submitAnswer(Verdict.FALSE, "Không đúng sự thật.", COORDINATOR, now);
            case APPROVE -> c.approve("slug-" + c.id(), COORDINATOR, now);
            case RETURN -> c.returnDraft("Thiếu nguồn", COORDINATOR, now);
            case REFER -> c.refer("Điều 288 Bộ luật Hình sự", COORDINATOR, now);
            case DISMISS -> c.dismiss("Không thuộc thẩm quyền", COORDINATOR, now);
            case REOPEN -> c.reopen("Có tình tiết mới", now.plus(Duration.ofHours(24)), COORDINATOR, now);
        }
    }

    private static Case caseIn(CaseStatus status, Verdict verdict) {
        return new Case(7, CaseSource.MANUAL, OPENED, "coordinator", 0, "Nước máy nhiễm độc", CaseCategory.FALSE_INFORMATION,
                Severity.MEDIUM, status, status == CaseStatus.RECEIVED || status == CaseStatus.TRIAGED ? null : "SYT", null,
                OPENED.plus(Duration.ofHours(72)), null, verdict, verdict == null ? null : "Giải thích", null, null, null,
                null, null, null, status.closed() ? OPENED.plusSeconds(1) : null);
    }
}
