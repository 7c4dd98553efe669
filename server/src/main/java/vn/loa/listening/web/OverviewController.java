package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;
import vn.loa.listening.ListeningOverview;
import vn.loa.listening.PostSearch;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.Trends;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.LocalTime;

/**
 * The listening dashboard ({@code /listening}) and its data as JSON ({@code GET /api/v1/overview}):
 * citizens' opinion apart from the tone of news and official statements, volume by sentiment, share of
 * voice by topic, policy domain, agency, place and platform, top stories, emerging issues.
 */
@Controller
@ConditionalOnWebApplication
class OverviewController {

    /** The periods the dashboard offers, in days, in the order of its buttons. */
    static final List<Integer> PERIODS_OFFERED = List.of(1, 7, 30, 90);

    private final ListeningOverview overview;
    private final Trends trends;
    private final Alerts alerts;
    private final SeriesTables seriesTables;

    private final IssueCoverage issueCoverage;

    private final PostSearch search;

    private final MessageSource messages;

    private final Clock clock;

    OverviewController(ListeningOverview overview, Trends trends, Alerts alerts, SeriesTables seriesTables,
            IssueCoverage issueCoverage, PostSearch search, MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.issueCoverage = issueCoverage;
        this.search = search;
        this.overview = overview;
        this.trends = trends;
        this.alerts = alerts;
        this.seriesTables = seriesTables;
    }

    @GetMapping("/listening")
    String page(@RequestParam(defaultValue = "30") String days, @RequestParam(defaultValue = "false") boolean province,
            Model model, HttpServletResponse response, Locale locale) {
        SignedInUser user = user();
        String asked = days.strip();
        int period = PERIODS_OFFERED.stream().filter(d -> Integer.toString(d).equals(asked)).findFirst().orElse(30);
        if (!asked.equals(Integer.toString(period))) {
            // a period the page does not offer (a link edited by hand) is said, not silently replaced by 30 days
            String offered = PERIODS_OFFERED.stream().map(d -> messages.getMessage("overview.days." + d, null, locale))
                    .collect(Collectors.joining(", "));
            model.addAttribute("daysError", messages.getMessage("overview.days.invalid",
                    new Object[] {asked.length() > 20 ? asked.substring(0, 20) + "…" : asked, offered}, locale));
            response.setStatus(400);
        }
        ListeningScope scope = ListeningScope.of(user, province);
        ListeningOverview.Overview result = overview.overview(scope, period, LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("overview", result);
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS_OFFERED);
        model.addAttribute("province", province);
        model.addAttribute("agencyScoped", ListeningScope.of(user, false).agency() != null);
        // the posts behind a number of an agency's dashboard are that agency's: every link carries it; those of an
        // officer's province-wide dashboard are its public posts, without the feedback the officer may read besides
        boolean publicOnly = publicOnly(scope, user);
        model.addAttribute("postsLink", scope.agency() != null
                ? "/posts?agency=" + URLEncoder.encode(scope.agency(), StandardCharsets.UTF_8)
                : publicOnly ? "/posts?public=true" : "/posts");
        // the links behind the numbers search the same period: whole days, or to the minute for a window of hours; a
        // period of whole days counts today's roll-up whole, with a post dated later today (a feed's clock ahead), so
        // its links search to the end of today too, not to the end of this hour
        java.time.Instant searchTo = result.hourly() ? result.to()
                : java.time.LocalDate.ofInstant(result.to().minusSeconds(1), LocalTime.ZONE).plusDays(1)
                        .atStartOfDay(LocalTime.ZONE).toInstant();
        model.addAttribute("fromDay", bound(result.from(), false));
        model.addAttribute("toDay", bound(searchTo, true));
        // the period as the page says it: the figures count the current hour (and day) as far as it has come, so it
        // ends now, not at the end of the hour the links search to
        java.time.Instant now = clock.instant();
        model.addAttribute("until", LocalTime.format(now.isBefore(result.to()) ? now : result.to()));
        // how many of those posts are about the province at all: national news and chatter are not its opinion
        model.addAttribute("localPosts", search.search(new PostSearch.Query(null, null, null, null, null, null, null,
                scope.agency(), null, result.from(), searchTo, true, 0, 1, null, false, true, publicOnly), user).total());
        model.addAttribute("openAlerts", alerts.alerts(user, true, 1000).size());
        // a story a case already covers leads to that case, as the home page and the trends do, not to a second one
        model.addAttribute("storyCases", issueCoverage.forStories(java.util.stream.Stream.concat(
                result.topStories().stream(), result.negativeStories().stream())
                .map(ListeningOverview.StoryRow::story).filter(story -> story > 0).distinct().toList(), user));
        model.addAttribute("emerging", issueCoverage.forReader(trends.emerging(scope,
                LocaleContextHolder.getLocale().getLanguage()).stream().limit(5).toList(), user));
        return "listening/overview";
    }

    /**
     * Whether the posts behind a scope's numbers are only public ones where the user's search would list more: an
     * agency's officer looking at the province (the dashboard counts the province's public posts; the search would add
     * their agency's hotline and office feedback).
     */
    static boolean publicOnly(ListeningScope scope, SignedInUser user) {
        return !scope.restricted() && ListeningScope.of(user, false).restricted();
    }

    /**
     * A bound of a period as the posts page reads it: {@code dd/MM/yyyy} when the period starts or ends at midnight
     * in Asia/Ho_Chi_Minh (the end names its last day), otherwise {@code dd/MM/yyyy HH:mm} (the end names its last
     * minute).
     */
    static String bound(java.time.Instant at, boolean end) {
        boolean midnight = at.atZone(LocalTime.ZONE).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        if (midnight) {
            return LocalTime.formatDay(end ? at.minusSeconds(1) : at);
        }
        return LocalTime.format(end ? at.minusSeconds(60) : at);
    }

    @GetMapping("/trends")
    String trends(@RequestParam(required = false) String dimension, @RequestParam(required = false) String value,
            @RequestParam(defaultValue = "false") boolean province, Model model) {
        ListeningScope scope = ListeningScope.of(user(), province);
        String language = LocaleContextHolder.getLocale().getLanguage();
        List<Trends.Issue> emerging = issueCoverage.forReader(trends.emerging(scope, language), user());
        model.addAttribute("emerging", emerging);
        model.addAttribute("province", province);
        model.addAttribute("agencyScoped", ListeningScope.of(user(), false).agency() != null);
        if (dimension == null && value == null && !emerging.isEmpty()) {
            dimension = emerging.get(0).dimension();
            value = emerging.get(0).value();
        }
        // half a series (a dimension without its value, or the reverse) is refused naming what is missing, as the API
        // does, rather than answered with another chart
        if (dimension != null || value != null) {
            ListeningScope counted = ListeningScope.forSeries(user(), province, dimension, value);
            Trends.Series series = trends.series(counted, dimension == null ? "" : dimension, value, language);
            // what the chart counts, said under it: an agency's share, the province's public posts, or every post
            model.addAttribute("seriesScope", counted.agency() != null ? "trends.scope.agency"
                    : counted.restricted() ? "trends.scope.all" : counted.agency() == null && !scope.equals(counted)
                            ? "trends.scope.other-agency" : "trends.scope.public");
            model.addAttribute("series", series);
            model.addAttribute("seriesRows", seriesTables.rows(series));
        }
        return "listening/trends";
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem overviewNavigation() {
            return new NavigationItem("nav.overview", "/listening", 5, Set.of());
        }

        @Bean
        NavigationItem trendsNavigation() {
            return new NavigationItem("nav.trends", "/trends", 8, Set.of());
        }
    }
}
