package vn.loa.campaigns.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.campaigns.Audience;
import vn.loa.campaigns.Campaign;
import vn.loa.campaigns.CampaignEvent;
import vn.loa.campaigns.Campaigns;
import vn.loa.campaigns.Plan;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Channel;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** Plans and campaigns on PostgreSQL. */
@Service
class JdbcCampaigns implements Campaigns {

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcCampaigns(JdbcClient jdbc, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Override
    @Transactional
    public Plan createPlan(String agencyCode, int year, String title, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        String agency = CampaignAccess.text(agencyCode);
        if (agency == null || agencies.findByCode(agency, today()).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "campaigns.error.agency"));
        } else if (!CampaignAccess.mayAct(agency, by)) {
            throw new AccessDeniedException("may not plan for the agency");
        }
        if (year < 2020 || year > 2100) {
            problems.add(new InvalidInput("year", "campaigns.error.year"));
        }
        String t = CampaignAccess.text(title);
        if (t == null || t.length() > 300) {
            problems.add(new InvalidInput("title", "campaigns.error.title"));
        }
        InvalidInput.throwIfAny(problems);
        if (jdbc.sql("SELECT count(*) FROM campaign_plan WHERE agency_code = ? AND year = ?").params(agency, year)
                .query(Long.class).single() > 0) {
            throw new Conflict("campaigns.error.plan-exists", String.valueOf(year));
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_plan (agency_code, year, title, created_by, created_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id""").params(agency, year, t, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new CampaignEvent.PlanCreated(by.actor(), id, agency, year));
        return plan(id, by);
    }

    @Override
    public List<Plan> plans(SignedInUser user) {
        return jdbc.sql("SELECT * FROM campaign_plan ORDER BY year DESC, agency_code, id").query(JdbcCampaigns::plan)
                .list().stream().filter(p -> CampaignAccess.maySee(p.agencyCode(), user)).toList();
    }

    @Override
    public Plan plan(long id, SignedInUser user) {
        Plan p = jdbc.sql("SELECT * FROM campaign_plan WHERE id = ?").param(id).query(JdbcCampaigns::plan).optional()
                .orElseThrow(() -> new NotFound("campaign-plan", id));
        if (!CampaignAccess.maySee(p.agencyCode(), user)) {
            throw new NotFound("campaign-plan", id);
        }
        return p;
    }

    @Override
    public List<InvalidInput> problems(long planId, Draft d, SignedInUser by) {
        return problemsOf(plan(planId, by), d);
    }

    /** Every field of the draft at fault for a campaign of the plan. */
    private List<InvalidInput> problemsOf(Plan plan, Draft d) {
        List<InvalidInput> problems = new ArrayList<>();
        String title = CampaignAccess.text(d.title());
        if (title == null || title.length() > 300) {
            problems.add(new InvalidInput("title", "campaigns.error.title"));
        }
        String policy = CampaignAccess.text(d.policy());
        if (policy == null || policy.length() > 300) {
            problems.add(new InvalidInput("policy", "campaigns.error.policy"));
        }
        // a campaign of a year's plan starts in that year; it may run on into the next one (a campaign begun in
        // the autumn ends in the spring), not further
        String year = String.valueOf(plan.year());
        if (d.startsOn() == null) {
            problems.add(new InvalidInput("startsOn", "campaigns.error.starts-on"));
        } else if (d.startsOn().getYear() != plan.year()) {
            problems.add(new InvalidInput("startsOn", "campaigns.error.starts-on-year", year));
        }
        if (d.endsOn() == null || (d.startsOn() != null && d.endsOn().isBefore(d.startsOn()))) {
            problems.add(new InvalidInput("endsOn", "campaigns.error.ends-on"));
        } else if (d.endsOn().getYear() > plan.year() + 1) {
            problems.add(new InvalidInput("endsOn", "campaigns.error.ends-on-year", year,
                    String.valueOf(plan.year() + 1)));
        }
        if (d.channels().isEmpty()) {
            problems.add(new InvalidInput("channels", "campaigns.error.channels"));
        }
        LocalDate today = today();
        List<String> communes = distinct(d.communes());
        if (communes.isEmpty() && d.audiences().contains(Audience.CHOSEN_COMMUNES)) {
            problems.add(new InvalidInput("communes", "campaigns.error.communes-none"));
        }
        for (String code : communes) {
            if (agencies.findByCode(code, today).filter(a -> a.kind() == AgencyKind.COMMUNE).isEmpty()) {
                problems.add(new InvalidInput("communes", "campaigns.error.commune", code));
                break;
            }
        }
        List<String> responsible = distinct(d.responsibleAgencies());
        for (String code : responsible) {
            if (agencies.findByCode(code, today).isEmpty()) {
                problems.add(new InvalidInput("responsibleAgencies", "campaigns.error.responsible", code));
                break;
            }
        }
        if (d.budgetVnd() != null && d.budgetVnd() < 0) {
            problems.add(new InvalidInput("budgetVnd", "campaigns.error.budget"));
        }
        List<String> keywords = distinct(d.keywords());
        if (keywords.size() > 30 || keywords.stream().anyMatch(k -> k.length() > 100)) {
            problems.add(new InvalidInput("keywords", "campaigns.error.keywords"));
        }
        return problems;
    }

    @Override
    @Transactional
    public Campaign create(long planId, Draft d, SignedInUser by) {
        Plan plan = plan(planId, by);
        if (!CampaignAccess.mayAct(plan.agencyCode(), by)) {
            throw new AccessDeniedException("may not plan for the agency");
        }
        InvalidInput.throwIfAny(problemsOf(plan, d));
        String title = CampaignAccess.text(d.title());
        String policy = CampaignAccess.text(d.policy());
        List<String> communes = distinct(d.communes());
        // communes picked are an audience, whether or not its box was ticked too
        List<Audience> audiences = new ArrayList<>(d.audiences().stream().distinct().toList());
        if (!communes.isEmpty() && !audiences.contains(Audience.CHOSEN_COMMUNES)) {
            audiences.add(Audience.CHOSEN_COMMUNES);
        }
        List<String> responsible = distinct(d.responsibleAgencies());
        List<String> keywords = distinct(d.keywords());
        long id = jdbc.sql("""
                INSERT INTO campaign (plan_id, agency_code, title, policy, objectives, key_messages, audiences, communes,
                    channels, responsible_agencies, starts_on, ends_on, budget_line, budget_vnd, keywords, created_by,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?::text[], ?, ?)
                RETURNING id""")
                .params(planId, plan.agencyCode(), title, policy, CampaignAccess.text(d.objectives()),
                        CampaignAccess.text(d.keyMessages()), array(audiences.stream().map(Enum::name).toList()),
                        array(communes), array(d.channels().stream().distinct().map(Enum::name).toList()),
                        array(responsible), Date.valueOf(d.startsOn()), Date.valueOf(d.endsOn()),
                        CampaignAccess.text(d.budgetLine()), d.budgetVnd(), array(keywords), by.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new CampaignEvent.CampaignCreated(by.actor(), id, planId, plan.agencyCode()));
        return get(id, by);
    }

    @Override
    public List<Campaign> list(Long planId, SignedInUser user) {
        String sql = "SELECT * FROM campaign" + (planId == null ? "" : " WHERE plan_id = ?")
                + " ORDER BY starts_on DESC, id DESC";
        var query = jdbc.sql(sql);
        if (planId != null) {
            query = query.param(planId);
        }
        return query.query(JdbcCampaigns::campaign).list().stream()
                .filter(c -> CampaignAccess.maySee(c.agencyCode(), user)).toList();
    }

    @Override
    public Campaign get(long id, SignedInUser user) {
        Campaign c = find(id);
        if (!CampaignAccess.maySee(c.agencyCode(), user)) {
            throw new NotFound("campaign", id);
        }
        return c;
    }

    Campaign find(long id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = ?").param(id).query(JdbcCampaigns::campaign).optional()
                .orElseThrow(() -> new NotFound("campaign", id));
    }

    private static List<String> distinct(List<String> values) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String v : values) {
            String t = CampaignAccess.text(v);
            if (t != null) {
                kept.add(t);
            }
        }
        return List.copyOf(kept);
    }

    /** A PostgreSQL array literal of plain values, each quoted. */
    static String array(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Plan plan(ResultSet rs, int n) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getString("agency_code"), rs.getInt("year"), rs.getString("title"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        long budget = rs.getLong("budget_vnd");
        boolean noBudget = rs.wasNull();
        return new Campaign(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("agency_code"), rs.getString("title"),
                rs.getString("policy"), rs.getString("objectives"), rs.getString("key_messages"),
                strings(rs, "audiences").stream().map(Audience::valueOf).toList(), strings(rs, "communes"),
                strings(rs, "channels").stream().map(Channel::valueOf).toList(), strings(rs, "responsible_agencies"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("budget_line"),
                noBudget ? null : budget, strings(rs, "keywords"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
