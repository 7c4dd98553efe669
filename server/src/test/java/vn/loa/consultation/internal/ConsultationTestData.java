package vn.loa.consultation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.loa.TestClock;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.Consultations;
import vn.loa.consultation.Drafts;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;

/** The demo's draft regulation as DOCX, and a published consultation on it, for the module's tests. */
public final class ConsultationTestData {

    /** An officer of the Department of Agriculture and Environment. */
    public static final SignedInUser OFFICER = new SignedInUser(41L, "officer-snnmt", "Cán bộ Sở NN&MT", null, "SNNMT",
            Set.of(Role.OFFICER));
    /** An officer of the Department of Health: another agency. */
    public static final SignedInUser OTHER_OFFICER = new SignedInUser(42L, "officer-syt", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    public static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    private ConsultationTestData() {
    }

    public static List<String> lines(String name) {
        try (InputStream in = ConsultationTestData.class.getResourceAsStream("/consultation/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String name) {
        try (InputStream in = ConsultationTestData.class.getResourceAsStream("/consultation/demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo regulation (v1 or v2) laid out as a DOCX, with its title changed by a marker to find it again. */
    public static byte[] docx(String name, String marker) {
        List<String> lines = new ArrayList<>(lines(name));
        lines.set(1, lines.get(1) + " " + marker);
        return DemoDraftDocument.of(lines);
    }

    /** A draft with its first version imported by the officer. */
    public static Drafts.Draft draft(Drafts drafts, String marker, SignedInUser by) {
        return drafts.importDraft(new Drafts.NewDraft(null, "Dự thảo Quy định chất thải rắn " + marker, "Quyết định",
                "du-thao-v1.docx", docx("draft-v1.txt", marker), null), by);
    }

    /** A published consultation on a fresh draft, open from today for 30 days. */
    public static Consultation open(Drafts drafts, Consultations consultations, String marker, LocalDate today,
            SignedInUser by) {
        return titled(drafts, consultations, marker, "Lấy ý kiến dự thảo Quy định chất thải rắn " + marker, today, by);
    }

    /** A published consultation with the given title on a fresh draft, open from today for 30 days. */
    public static Consultation titled(Drafts drafts, Consultations consultations, String marker, String title,
            LocalDate today, SignedInUser by) {
        return consultations.publish(create(drafts, consultations, marker, title, today, today.plusDays(29), by).id(),
                by);
    }

    /**
     * A consultation that ran from {@code opensOn} to {@code closesOn}, both in the past: created and published with
     * the clock moved back to its first morning, then the clock is put back.
     */
    public static Consultation ran(Drafts drafts, Consultations consultations, TestClock clock, String marker,
            LocalDate opensOn, LocalDate closesOn, SignedInUser by) {
        Instant now = clock.instant();
        try {
            clock.set(opensOn.atTime(8, 0).atZone(LocalTime.ZONE).toInstant());
            return consultations.publish(create(drafts, consultations, marker,
                    "Lấy ý kiến dự thảo Quy định chất thải rắn " + marker, opensOn, closesOn, by).id(), by);
        } finally {
            clock.set(now);
        }
    }

    private static Consultation create(Drafts drafts, Consultations consultations, String marker, String title,
            LocalDate opensOn, LocalDate closesOn, SignedInUser by) {
        Drafts.Draft draft = draft(drafts, marker, by);
        long versionId = drafts.versions(draft.id(), by).get(0).id();
        return consultations.create(new Consultations.NewConsultation(versionId, title, "Tóm tắt", opensOn, closesOn,
                List.of("Thời gian thu gom có phù hợp?", "Mức giá dịch vụ có hợp lý?"), List.of("hộ gia đình"),
                List.of("phân loại rác", "thu gom rác")), by);
    }

    /** Any lines laid out as the demo's DOCX. */
    public static byte[] docxOf(List<String> lines) {
        return DemoDraftDocument.of(lines);
    }
}
