package vn.loa.home.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
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
import vn.loa.home.Agenda;
import vn.loa.home.Agendas;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.press.Crises;

/** The home page ({@code /}): what needs the signed-in user today. */
@Controller
@ConditionalOnWebApplication
class HomeController {

    private final Agendas agendas;
    private final MessageSource messages;
    private final Crises crises;
    private final Clock clock;

    HomeController(Agendas agendas, MessageSource messages, Crises crises, Clock clock) {
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
        // "Thứ Hai, ngày 2 tháng 3 năm 2026" / "Monday, 2 March 2026": the pattern is the language's
        model.addAttribute("today", DateTimeFormatter.ofPattern(messages.getMessage("home.today.pattern", null, locale),
                locale).format(agenda.day()));
        return "home/today";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem homeNavigation() {
            return new NavigationItem("nav.dashboard", "/", 0, Set.of());
        }
    }
}
