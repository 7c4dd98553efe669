package vn.loa.home.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.loa.coordination.Difficulties;
import vn.loa.coordination.Task;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.coordination.Tasks;
import vn.loa.home.Agenda;
import vn.loa.home.Agendas;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.press.Crises;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** The home page ({@code /}): what needs the signed-in user today. */
@Controller
@ConditionalOnWebApplication
class HomeController {

    private final Agendas agendas;
    private final MessageSource messages;
    private final Crises crises;
    private final Clock clock;
    private final Tasks tasks;
    private final Difficulties difficulties;

    HomeController(Agendas agendas, MessageSource messages, Crises crises, Clock clock, Tasks tasks,
            Difficulties difficulties) {
        this.tasks = tasks;
        this.difficulties = difficulties;
        this.agendas = agendas;
        this.messages = messages;
        this.crises = crises;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        SignedInUser user = SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        Locale locale = LocaleContextHolder.getLocale();
        Agenda agenda = agendas.today(user, locale.getLanguage());
        model.addAttribute("agenda", agenda);
        // the clocks of the crises waiting for their first statement, for everyone concerned: one query
        model.addAttribute("crisisClocks", agenda.view() == Agenda.View.PRESS ? List.of() : crises.clocks(user));
        model.addAttribute("now", clock.instant());
        // the directives' tasks: the user's agency's (or, for the province, every one) overdue or due within a week,
        // and for coordinators the difficulties waiting for the province's answer; the press follows no task
        if (agenda.view() != Agenda.View.PRESS) {
            model.addAttribute("homeTasks", homeTasks(user, agenda.day()));
        }
        // "Thứ Hai, ngày 2 tháng 3 năm 2026" / "Monday, 2 March 2026": the pattern is the language's
        model.addAttribute("today", DateTimeFormatter.ofPattern(messages.getMessage("home.today.pattern", null, locale),
                locale).format(agenda.day()));
        return "home/today";
    }

    /**
     * The tasks section of the home page.
     *
     * @param overdue the first overdue tasks, most overdue first
     * @param overdueTotal how many tasks are overdue
     * @param soon the tasks due within seven days, soonest first
     * @param difficulties difficulties and proposals waiting for the province's answer (coordinators), else 0
     */
    public record HomeTasks(List<Task> overdue, long overdueTotal, List<Task> soon, long difficulties) {

        public boolean isEmpty() {
            return overdueTotal == 0 && soon.isEmpty() && difficulties == 0;
        }
    }

    private HomeTasks homeTasks(SignedInUser user, LocalDate day) {
        Page<Task> overdue = tasks.list(new Tasks.TaskFilter(TaskStatusClass.OVERDUE, null, null, null, true),
                new PageRequest(1, PageRequest.MAX_SIZE), user);
        List<Task> late = overdue.items().stream().sorted(Comparator.comparing(Task::currentDue)).limit(5).toList();
        List<Task> soon = tasks.list(new Tasks.TaskFilter(TaskStatusClass.IN_PROGRESS, null, null, day.plusDays(8), true),
                new PageRequest(1, PageRequest.MAX_SIZE), user).items().stream()
                .filter(t -> t.currentDue() != null).sorted(Comparator.comparing(Task::currentDue)).limit(5).toList();
        long waiting = user.has(Role.COORDINATOR) ? difficulties.list("SUBMITTED", new PageRequest(1, 1), user).total() : 0;
        return new HomeTasks(late, overdue.total(), soon, waiting);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem homeNavigation() {
            return new NavigationItem("nav.dashboard", "/", 0, Set.of());
        }
    }
}
