package vn.loa.misinformation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.misinformation.Cases.HistoryEntry;
import vn.loa.platform.DisplayNames;
import vn.loa.platform.MessageBundles;

class CaseHistorySentencesUnitTests {

    private static final Instant AT = Instant.parse("2026-12-01T03:50:07Z");

    private final CaseHistorySentences sentences = new CaseHistorySentences(MessageBundles.real(), new DisplayNames() {
        @Override
        public String person(String username) {
            return username == null ? "" : Map.of("coordinator", "Điều phối viên Sở TT&TT", "officer", "Cán bộ Sở Y tế",
                    "system", "Loa (tự động)").getOrDefault(username, username);
        }

        @Override
        public String agency(String code) {
            return code == null ? "" : Map.of("SYT", "Sở Y tế").getOrDefault(code, code);
        }

        @Override
        public String agencyWithId(long id) {
            return Long.toString(id);
        }

        @Override
        public String source(String code) {
            return code;
        }

        @Override
        public String place(String id) {
            return id;
        }
    });

    @Test
    void readsATransitionsDetailsBackFromTheStoredMap() {
        assertThat(CaseHistorySentences.details(entry("ASSIGN", "{agency=SYT, owner=officer}")))
                .containsExactly(Map.entry("agency", "SYT"), Map.entry("owner", "officer"));
        assertThat(CaseHistorySentences.details(entry("APPROVE", "{slug=benh-vien-khong-tra, verdict=CLARIFICATION}")))
                .containsEntry("verdict", "CLARIFICATION").containsEntry("slug", "benh-vien-khong-tra");
    }

    @Test
    void keepsTypedTextWholeEvenWhenItLooksLikeAMap() {
        assertThat(CaseHistorySentences.details(entry("DISMISS", "{reason=Trùng hồ sơ 12, agency=SYT đã trả lời}")))
                .containsExactly(Map.entry("reason", "Trùng hồ sơ 12, agency=SYT đã trả lời"));
    }

    @Test
    void namesPeopleAndAgenciesAndKeepsTheReasonApart() {
        CaseHistorySentences.Line assign = sentences.line(entry("ASSIGN", "{agency=SYT, owner=officer}"), Locale.forLanguageTag("vi"));
        assertThat(assign.sentence()).isEqualTo("Điều phối viên Sở TT&TT giao hồ sơ cho Sở Y tế, người phụ trách: Cán bộ Sở Y tế.");
        CaseHistorySentences.Line dismissed = sentences.line(entry("DISMISS", "{reason=Không có căn cứ}"), Locale.ENGLISH);
        assertThat(dismissed.sentence()).isEqualTo("Điều phối viên Sở TT&TT dismissed it. Reason:");
        assertThat(dismissed.quoted()).isEqualTo("Không có căn cứ");
        CaseHistorySentences.Line opened = sentences.line(entry("OPEN", "STORY"), Locale.ENGLISH);
        assertThat(opened.sentence()).isEqualTo("Điều phối viên Sở TT&TT opened the case (from a story).");
    }

    @Test
    void anEscalationShowsItsDeadlineWithoutSeconds() {
        HistoryEntry escalated = new HistoryEntry(AT, "system", "ESCALATE", "VERIFYING", "VERIFYING",
                "deadline 01/12/2026 10:50:07");
        assertThat(sentences.line(escalated, Locale.forLanguageTag("vi")).sentence())
                .contains("01/12/2026 10:50").doesNotContain("10:50:07").contains("Loa (tự động)");
    }

    @Test
    void aPassageToASuccessorNamesBothUnitsTheLastDayAndTheDeadlineKept() {
        HistoryEntry passed = new HistoryEntry(AT, "system", "PASSED_TO_SUCCESSOR", "VERIFYING", "VERIFYING",
                "{agency=SYT, predecessor=SYTNT, lastDay=30/06/2025, deadline=02/07/2025 10:00}");
        assertThat(sentences.line(passed, Locale.forLanguageTag("vi")).sentence()).isEqualTo("Chuyển sang Sở Y tế do"
                + " SYTNT kết thúc hoạt động ngày 30/06/2025 (hạn trả lời giữ nguyên: 02/07/2025 10:00); Loa (tự động) đã"
                + " báo cán bộ của Sở Y tế.");
        assertThat(sentences.line(passed, Locale.ENGLISH).sentence()).isEqualTo("Passed to Sở Y tế as SYTNT ceased to"
                + " operate on 30/06/2025 (the deadline stays 02/07/2025 10:00); Loa (tự động) told the officers of Sở Y tế.");
    }

    private static HistoryEntry entry(String action, String detail) {
        return new HistoryEntry(AT, "coordinator", action, "TRIAGED", "ASSIGNED", detail);
    }
}
