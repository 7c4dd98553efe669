package vn.loa.listening.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostFlags;
import vn.loa.listening.Stories;
import vn.loa.shared.LocalTime;

/**
 * A story's page ({@code /listening/stories/{id}}): its first post, its growth, sources, places and
 * tone, its texts with their reposts collapsed, and what can be done about it: open a case on the
 * misinformation desk (which answers it too), or watch it with a keyword alert. The story's posts are
 * also in the search ({@code /posts?story={id}}).
 */
@Controller
@ConditionalOnWebApplication
class StoryPageController {

    private static final Map<String, DateTimeFormatter> BUCKETS = Map.of(
            "hour", DateTimeFormatter.ofPattern("dd/MM/yyyy HH:00"),
            "day", DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            "month", DateTimeFormatter.ofPattern("MM/yyyy"));

    /** The threshold a watch proposes: reposts in one hour. */
    static final int WATCH_THRESHOLD = 3;

    private final Stories stories;
    private final List<PostFlags> flags;

    private final org.springframework.beans.factory.ObjectProvider<vn.loa.listening.Trends.CoverageLookup> coverage;

    StoryPageController(Stories stories, List<PostFlags> flags,
            org.springframework.beans.factory.ObjectProvider<vn.loa.listening.Trends.CoverageLookup> coverage) {
        this.stories = stories;
        this.flags = List.copyOf(flags);
        this.coverage = coverage;
    }

    /** A bucket of the growth as the page shows it. */
    record GrowthRow(String label, long posts, long total) {
    }

    @GetMapping("/listening/stories/{id}")
    String story(@PathVariable long id, Model model) {
        SignedInUser user = SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        Stories.Story story = stories.story(id, user, LocaleContextHolder.getLocale().getLanguage());
        if (story.id() != id) {
            return "redirect:/listening/stories/" + story.id(); // merged into an older story: that one is this story now
        }
        model.addAttribute("story", story);
        DateTimeFormatter bucket = BUCKETS.get(story.bucket());
        model.addAttribute("growth", story.growth().stream().map(g -> new GrowthRow(
                bucket.format(g.start().atZone(LocalTime.ZONE)), g.posts(), g.total())).toList());
        List<Long> shown = new ArrayList<>();
        story.texts().forEach(text -> {
            shown.add(text.first().id());
            text.copies().forEach(copy -> shown.add(copy.id()));
        });
        Map<Long, List<PostFlags.Flag>> flagged = new HashMap<>();
        for (PostFlags source : flags) {
            source.flagsFor(shown).forEach((post, list) -> flagged.computeIfAbsent(post, k -> new ArrayList<>()).addAll(list));
        }
        model.addAttribute("flags", flagged);
        boolean provinceWide = ListeningScope.provinceWide(user);
        // the same people the desk lets open a case, and the alert rules let watch
        model.addAttribute("mayOpenCase", user.has(Role.COORDINATOR) || (user.has(Role.OFFICER) && user.agencyCode() != null));
        // a case already opened on this story: named, so that no one opens a second for the same story
        vn.loa.listening.Trends.CoverageLookup cases = coverage.getIfAvailable();
        vn.loa.listening.Trends.Coverage existing = cases == null || user.pressOnly() ? null
                : cases.covering(List.of(story.id()), List.of(), user);
        model.addAttribute("existingCase", existing);
        model.addAttribute("mayWatch", !user.has(Role.PRESS) && (provinceWide || user.agencyCode() != null));
        model.addAttribute("watchAgency", provinceWide ? "" : user.agencyCode());
        model.addAttribute("watchThreshold", WATCH_THRESHOLD);
        return "listening/story";
    }
}
