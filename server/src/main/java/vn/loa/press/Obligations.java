package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * Periodic obligations to inform the press (Decree 09/2017, Art. 5): effective-dated rules with their source (monthly
 * information and a press conference at least every three months for the provincial People's Committee, and each
 * agency's own rules), the press conferences scheduled and their record, reminders, and the compliance of each agency
 * per quarter. An agency's staff see their agency; coordinators, leaders and administrators every agency; journalists
 * none of it.
 */
public interface Obligations {

    /** The rules, newest first. @throws org.springframework.security.access.AccessDeniedException for a journalist */
    List<Rule> rules(SignedInUser user);

    /**
     * Enters a rule from the day it takes effect.
     *
     * @throws vn.loa.shared.InvalidInput naming the field: {@code agency} (neither or both of code and kind),
     *         {@code obligation}, {@code everyMonths} (1, 3, 6 or 12), {@code validFrom}, {@code source}
     * @throws org.springframework.security.access.AccessDeniedException for a user who is not an administrator
     */
    Rule enterRule(Rule rule, SignedInUser by);

    /**
     * Schedules a press conference.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code agencyCode}, {@code title},
     *         {@code scheduledAt}, {@code agenda}, {@code invited}
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not act for the agency
     */
    Conference schedule(Plan plan, SignedInUser by);

    /**
     * Records a planned conference as held, with its questions, materials and transcript.
     *
     * @throws vn.loa.shared.Conflict when it is not planned
     * @throws vn.loa.shared.InvalidInput naming the field: {@code transcript}, {@code questions}
     */
    Conference recordHeld(long id, Held record, SignedInUser by);

    /** Calls off a planned conference. @throws vn.loa.shared.Conflict when it is not planned */
    Conference cancel(long id, SignedInUser by);

    /** One conference. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    Conference conference(long id, SignedInUser user);

    /** The conferences the user may see scheduled from {@code from} to {@code to} inclusive, by time. */
    List<Conference> conferences(LocalDate from, LocalDate to, SignedInUser user);

    /**
     * What was due and what happened, per agency the user may see and obligation, in each period of the quarter; a
     * conference not held in its period is {@link ComplianceStatus#MISSING}.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code quarter} (1 to 4) or {@code year}
     */
    Compliance compliance(int year, int quarter, SignedInUser user);

    /** The obligations of the current period not met yet and the planned conferences, soonest first. */
    List<Upcoming> upcoming(SignedInUser user, int limit);

    /**
     * Reminds each agency's spokespersons by e-mail of an obligation not met within a week of its period's end, and of
     * a planned conference the day before; each once. Run on a schedule.
     *
     * @return how many reminders went out
     */
    int remind();

    /**
     * An obligation rule.
     *
     * @param agencyCode the agency it binds, or null when it binds every agency of {@code agencyKind}
     * @param agencyKind the kind of agency it binds (PROVINCE, DEPARTMENT, ...), or null
     * @param everyMonths the length of its period: 1 (each month), 3 (each quarter), 6 or 12
     * @param legal whether a law sets it; false for the agency's own rule
     */
    record Rule(Long id, String agencyCode, String agencyKind, Obligation obligation, int everyMonths,
            LocalDate validFrom, LocalDate validTo, boolean legal, String source) {
    }

    /** A conference to schedule. @param invited ids of the press agencies invited */
    record Plan(String agencyCode, String title, Instant scheduledAt, String place, String agenda, List<Long> invited,
            Long crisisId) {

        public Plan {
            invited = invited == null ? List.of() : List.copyOf(invited);
        }
    }

    /** What was said at a conference. */
    record Held(String materials, String transcript, List<Question> questions) {

        public Held {
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** A question asked at a conference. @param answer null when it was not answered there */
    record Question(String askedBy, String question, String answer) {

        public boolean answered() {
            return answer != null && !answer.isBlank();
        }
    }

    /** A press conference and its record. */
    record Conference(long id, String agencyCode, String title, Instant scheduledAt, String place, String agenda,
            List<Long> invited, ConferenceStatus status, String materials, String transcript, List<Question> questions,
            Long crisisId, String enteredBy, Instant enteredAt, String heldBy, Instant heldAt) {

        public Conference {
            invited = List.copyOf(invited);
            questions = List.copyOf(questions);
        }

        /** How many questions were answered there. */
        public long answered() {
            return questions.stream().filter(Question::answered).count();
        }
    }

    /** An agency's quarter. */
    record Compliance(int year, int quarter, LocalDate from, LocalDate to, List<Line> lines) {

        public Compliance {
            lines = List.copyOf(lines);
        }

        /** How many periods were missed. */
        public long missing() {
            return lines.stream().filter(l -> l.status() == ComplianceStatus.MISSING).count();
        }
    }

    /**
     * One obligation of one agency in one period.
     *
     * @param ruleId the rule that makes it due
     * @param done how many times it was done in the period (statements published and conferences held, or
     *        conferences held)
     */
    record Line(String agencyCode, Obligation obligation, LocalDate periodStart, LocalDate periodEnd, int done,
            ComplianceStatus status, long ruleId, boolean legal, String source) {
    }

    /**
     * Something coming: an obligation of the current period not met yet (with the period's last day), or a planned
     * conference.
     */
    record Upcoming(String agencyCode, Obligation obligation, LocalDate due, Long conferenceId, String title,
            Instant scheduledAt) {
    }

    /**
     * What the press desks did over a period, for the agencies the user may see (periodic reports count with it):
     * enquiries received in it, those answered and those answered by their due time; those late (answered after their
     * due time, still open past it, or withdrawn by the agency's staff after it: a withdrawal the journalist did not make
     * does not excuse the agency) and those the agency's staff withdrew; statements published in it (correction requests
     * apart) and press conferences held in it, as {@link #compliance} counts them; crises opened.
     */
    record PeriodFigures(long enquiries, long answered, long answeredInTime, long late, long withdrawnByAgency,
            long statements, long conferences, long crises) {
    }

    /** The figures of the days {@code from} to {@code to}, included. */
    PeriodFigures figures(LocalDate from, LocalDate to, SignedInUser user);
}
