package vn.loa.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import vn.loa.identity.CommuneProfiles;
import vn.loa.identity.CommuneProfiles.CommuneProfile;
import vn.loa.identity.CommuneProfiles.Minority;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.TopicAttention;
import vn.loa.publishing.Channel;
import vn.loa.publishing.Publishing;
import vn.loa.publishing.Publishing.CommuneReach;
import vn.loa.shared.LocalTime;

/**
 * Whom a campaign is for and whom it reached: the communes its audiences name (chosen ones, remote ones, those where
 * Chăm or Raglai live, from the communes' profiles), per commune the channels that reached it (from publishing: a
 * confirmed broadcast or billboard, or a province-wide channel really sent; never a simulator's), and the effect
 * from listening: attention, comments' tone and questions on the campaign's keywords before and after its start.
 */
@Service
public class CampaignReach {

    /** How a commune stands on the reach map, best first. */
    public enum Level {
        /** its own loudspeaker or billboard confirmed a broadcast */
        REACHED_LOCAL,
        /** only province-wide channels (portal, e-mail, SMS, Zalo, Facebook) really sent */
        REACHED_PROVINCE,
        /** remote or with ethnic minorities, and no broadcast of its own: where the campaign must go next */
        MISSED_PRIORITY,
        /** nothing reached it */
        MISSED;

        /** The level as the map's table and script name it: reached-local, reached-province, ... */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One commune on the map.
     *
     * @param targeted whether the campaign's audiences name it (all communes are targeted when they name none)
     * @param channels the channels that reached it
     */
    public record CommuneRow(CommuneProfile commune, boolean targeted, List<Channel> channels, Instant lastConfirmedAt,
            Level level) {
    }

    /** The map of a campaign: every commune of today, and how many are at each level, best first. */
    public record ReachMap(List<CommuneRow> rows, List<LevelCount> counts) {
    }

    /** How many communes are at a level. */
    public record LevelCount(Level level, long communes) {
    }

    private final CommuneProfiles profiles;
    private final Publishing publishing;
    /** Only a web server opens the search index that attention is read from. */
    private final ObjectProvider<TopicAttention> attention;
    private final Clock clock;

    CampaignReach(CommuneProfiles profiles, Publishing publishing, ObjectProvider<TopicAttention> attention, Clock clock) {
        this.profiles = profiles;
        this.publishing = publishing;
        this.attention = attention;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    /**
     * The commune codes a version in a language is meant for: the chosen communes, with the remote ones when the
     * audiences name remote communes and those with ethnic minorities when they name them; a Chăm or Raglai version
     * goes only where that people lives (to those of the meant communes, or when none of them is, to all). Empty means
     * every commune.
     */
    public List<String> communesFor(Campaign campaign, String language) {
        List<CommuneProfile> all = profiles.onDay(today());
        Set<String> codes = new LinkedHashSet<>(campaign.communes());
        if (campaign.audiences().contains(Audience.REMOTE_COMMUNES)) {
            all.stream().filter(CommuneProfile::remote).map(CommuneProfile::code).forEach(codes::add);
        }
        if (campaign.audiences().contains(Audience.ETHNIC_MINORITIES)) {
            all.stream().filter(c -> !c.minorities().isEmpty()).map(CommuneProfile::code).forEach(codes::add);
        }
        Minority people = switch (language) {
            case "cjm" -> Minority.CHAM;
            case "roc" -> Minority.RAGLAI;
            default -> null;
        };
        if (people == null) {
            return List.copyOf(codes);
        }
        Set<String> where = all.stream().filter(c -> c.minorities().contains(people)).map(CommuneProfile::code)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> meant = new LinkedHashSet<>(where);
        meant.retainAll(codes);
        // the communes meant where that people lives; when none of them is, every commune where it lives
        return List.copyOf(meant.isEmpty() ? where : meant);
    }

    /** Every commune of today with the channels that reached it for the campaign. */
    public ReachMap map(Campaign campaign) {
        List<CommuneProfile> all = profiles.onDay(today());
        Set<String> targeted = new LinkedHashSet<>(communesFor(campaign, "vi"));
        java.util.Map<String, CommuneReach> reach = publishing.reach(campaign.reference()).stream()
                .collect(Collectors.toMap(CommuneReach::communeCode, Function.identity(), (a, b) -> a));
        List<CommuneRow> rows = new ArrayList<>();
        for (CommuneProfile commune : all) {
            CommuneReach r = reach.get(commune.code());
            List<Channel> channels = r == null ? List.of() : r.channels();
            rows.add(new CommuneRow(commune, targeted.isEmpty() || targeted.contains(commune.code()), channels,
                    r == null ? null : r.lastConfirmedAt(), level(commune, channels)));
        }
        List<LevelCount> counts = new ArrayList<>();
        for (Level level : Level.values()) {
            counts.add(new LevelCount(level, rows.stream().filter(row -> row.level() == level).count()));
        }
        return new ReachMap(rows, counts);
    }

    static Level level(CommuneProfile commune, Collection<Channel> channels) {
        if (channels.contains(Channel.LOUDSPEAKER) || channels.contains(Channel.BILLBOARD)) {
            return Level.REACHED_LOCAL;
        }
        if (commune.remote() || !commune.minorities().isEmpty()) {
            return Level.MISSED_PRIORITY;
        }
        return channels.isEmpty() ? Level.MISSED : Level.REACHED_PROVINCE;
    }

    /**
     * Attention on the campaign's keywords around its start, as the user may see it; null when it has no keywords (or
     * outside a web server).
     */
    public TopicAttention.Comparison effect(Campaign campaign, SignedInUser user) {
        TopicAttention source = attention.getIfAvailable();
        if (campaign.keywords().isEmpty() || source == null) {
            return null;
        }
        return source.around(campaign.keywords(), campaign.startsOn(), campaign.endsOn(), today(), user);
    }
}
