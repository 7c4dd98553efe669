package vn.loa.home.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.loa.home.Agenda;
import vn.loa.home.Agenda.CaseItem;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Trends;
import vn.loa.misinformation.CaseStatus;
import vn.loa.shared.LocalTime;

class AgendaUnitTests {

    /** 22:30 in the province: midnight is an hour and a half away. */
    private final Instant now = ZonedDateTime.of(2026, 3, 2, 22, 30, 0, 0, LocalTime.ZONE).toInstant();

    @Test
    void splitsOpenCasesIntoOverdueAndDueBeforeTheProvincesMidnight() {
        CaseItem late = item(1, now.minusSeconds(60), true);
        CaseItem tonight = item(2, now.plusSeconds(80 * 60), false);
        CaseItem tomorrow = item(3, now.plusSeconds(100 * 60), false);
        AgendaService.Due due = AgendaService.Due.of(List.of(late, tonight, tomorrow), now);
        assertThat(due.overdue()).containsExactly(late);
        assertThat(due.today()).containsExactly(tonight);
    }

    @Test
    void showsTheFirstItemsAndCountsTheRest() {
        List<Integer> all = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Agenda.Listed<Integer> listed = Agenda.Listed.of(all, 8);
        assertThat(listed.shown()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(listed.total()).isEqualTo(10);
        assertThat(listed.hidden()).isEqualTo(2);
        assertThat(Agenda.Listed.of(List.of(), 8).isEmpty()).isTrue();
    }

    @Test
    void aCaseDraftedFromAnIssueStartsWithItsExamplesThenItsNewestPosts() {
        List<Long> posts = LongStream.rangeClosed(100, 160).boxed().toList();
        Trends.Issue issue = issue(List.of(example(150), example(7), example(120)), posts);
        List<Long> draft = AgendaService.draftPosts(issue);
        assertThat(draft).hasSize(AgendaService.DRAFT_POSTS).startsWith(150L, 7L, 120L, 100L, 101L).doesNotHaveDuplicates();
    }

    @Test
    void leadersCoordinatorsAndAdministratorsSeeTheProvinceOfficersTheirAgencyAndTheRestThePress() {
        assertThat(AgendaService.viewOf(user(Role.LEADER, "UBND"))).isEqualTo(Agenda.View.PROVINCE);
        assertThat(AgendaService.viewOf(user(Role.COORDINATOR, "STTTT"))).isEqualTo(Agenda.View.PROVINCE);
        assertThat(AgendaService.viewOf(user(Role.ADMIN, null))).isEqualTo(Agenda.View.PROVINCE);
        assertThat(AgendaService.viewOf(user(Role.OFFICER, "SYT"))).isEqualTo(Agenda.View.AGENCY);
        assertThat(AgendaService.viewOf(user(Role.SPOKESPERSON, "SYT"))).isEqualTo(Agenda.View.AGENCY);
        assertThat(AgendaService.viewOf(user(Role.PRESS, "BNT"))).isEqualTo(Agenda.View.PRESS);
        assertThat(AgendaService.viewOf(user(Role.OFFICER, null))).isEqualTo(Agenda.View.PRESS);
    }

    @Test
    void timesAreShownToTheMinuteInTheProvince() {
        Instant at = ZonedDateTime.of(2026, 3, 2, 7, 5, 59, 0, LocalTime.ZONE).toInstant();
        assertThat(item(1, at, false).due()).isEqualTo("02/03/2026 07:05");
        assertThat(new Agenda.AlertItem(1, "BURST", null, at, null).raised()).isEqualTo("02/03/2026 07:05");
    }

    private static CaseItem item(long id, Instant deadline, boolean overdue) {
        return new CaseItem(id, "Tin đồn " + id, "Sở Y tế", CaseStatus.ASSIGNED, deadline, overdue);
    }

    private static SignedInUser user(Role role, String agency) {
        return new SignedInUser(1L, "u", "Người dùng", null, agency, Set.of(role));
    }

    private Trends.Example example(long id) {
        return new Trends.Example(id, now, "facebook", null, "negative", "ví dụ " + id);
    }

    private Trends.Issue issue(List<Trends.Example> examples, List<Long> posts) {
        return new Trends.Issue("k", List.of("quá tải"), "keyword", "quá tải", "quá tải", 30, 12, 1.0, 12.0, 40, 30, 3,
                now, 0.8, 30, 9.0, 9.0, null, List.of(), null, null, examples, List.of(), posts, List.of(), null, 0);
    }
}
