package vn.loa.campaigns;

import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Channel;

/**
 * Communication plans and their campaigns. An agency's officer or spokesperson plans for the agency; coordinators and
 * administrators for any agency; leaders and coordinators see every agency's plans, others their agency's only.
 */
public interface Campaigns {

    /**
     * Creates an agency's plan for a year.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code agencyCode}, {@code year} or {@code title}
     * @throws vn.loa.shared.Conflict when the agency has a plan for that year already
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not plan for the agency
     */
    Plan createPlan(String agencyCode, int year, String title, SignedInUser by);

    /** The plans the user may see, newest year first. */
    List<Plan> plans(SignedInUser user);

    /** One plan. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    Plan plan(long id, SignedInUser user);

    /**
     * Creates a campaign in a plan. It starts in the plan's year and ends by the end of the next year at the latest;
     * the communes chosen make the audience "chosen communes", which needs at least one.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code title}, {@code policy}, {@code startsOn}
     *         (missing, or not in the plan's year), {@code endsOn} (missing, before the start, or after the next year),
     *         {@code channels} (none), {@code communes} (none for the audience "chosen communes", or a commune not
     *         valid today), {@code responsibleAgencies}, {@code budgetVnd}, {@code keywords}
     */
    Campaign create(long planId, Draft draft, SignedInUser by);

    /**
     * What {@link #create} would refuse in the draft, every field at fault, creating nothing: a form that could not
     * read some of its fields still names the others.
     *
     * @throws vn.loa.shared.NotFound when the plan does not exist or the user may not see it
     */
    List<vn.loa.shared.InvalidInput> problems(long planId, Draft draft, SignedInUser by);

    /** The campaigns the user may see, of one plan or (null) of every plan, newest first. */
    List<Campaign> list(Long planId, SignedInUser user);

    /** One campaign. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    Campaign get(long id, SignedInUser user);

    /** A campaign to create. */
    record Draft(String title, String policy, String objectives, String keyMessages, List<Audience> audiences,
            List<String> communes, List<Channel> channels, List<String> responsibleAgencies, LocalDate startsOn,
            LocalDate endsOn, String budgetLine, Long budgetVnd, List<String> keywords) {

        public Draft {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
            communes = communes == null ? List.of() : List.copyOf(communes);
            channels = channels == null ? List.of() : List.copyOf(channels);
            responsibleAgencies = responsibleAgencies == null ? List.of() : List.copyOf(responsibleAgencies);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }
}
