package vn.loa.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What Loa knows of a period, as a periodic report states it: every number in the report's text, tables and charts comes
 * from here, stored with the report as JSON ({@code coord_report.figures}) when its draft is generated or regenerated.
 * Counted from the same tables and with the same rules as the modules' own pages (see each part), over the province's
 * days from {@code from} to {@code asOf}.
 *
 * @param kind MONTHLY, QUARTERLY or YEARLY
 * @param from the period's first day
 * @param to the period's last day
 * @param asOf the day the figures stand on: the period's last day, or today for a period that has not ended
 * @param computedAt when they were computed
 */
public record ReportFigures(String kind, LocalDate from, LocalDate to, LocalDate asOf, Instant computedAt,
        Listening listening, Desk desk, Transparency transparency, Press press, Reach reach,
        Consultations consultations, Tasks tasks) {

    /** A named count: a register, a domain or topic code, a channel, a status class. */
    public record Count(String key, long value) {
    }

    /**
     * What was said, from the listening roll-ups the overview page reads (every post of the province, feedback included).
     *
     * @param posts every post of the period
     * @param registers posts by register (comment, news, official)
     * @param domains posts by policy domain, most first
     * @param topics the ten topics with the most posts
     * @param buckets the sentiment of each week (monthly and quarterly reports) or month (yearly)
     * @param issues the period's emerging issues as their alerts told them, most posts first
     * @param tones the tone of each register, most posts first
     * @param aboutProvince of {@code posts}, those about the province (its own sources', or naming its places or
     *     agencies: the dashboard's "bài về tỉnh"); null in figures stored before it was counted
     * @param opinion the sentiment of citizens' comments alone in each week or month, as the dashboard charts opinion
     *     apart from the news; empty in figures stored before
     */
    public record Listening(long posts, long negative, long neutral, long positive, List<Count> registers,
            List<Count> domains, List<Count> topics, List<Bucket> buckets, List<Issue> issues, List<Tone> tones,
            Long aboutProvince, List<Bucket> opinion) {

        public Listening {
            // figures stored before the tone of each register was kept have none
            tones = tones == null ? List.of() : List.copyOf(tones);
            opinion = opinion == null ? List.of() : List.copyOf(opinion);
        }

        /** Posts whose sentiment the model was unsure of. */
        public long unclear() {
            return posts - negative - neutral - positive;
        }
    }

    /**
     * The tone of one register (citizens' comments, news, official texts) over the period, so that the report states
     * citizens' opinion apart from the tone of news, as the listening dashboard does.
     */
    public record Tone(String register, long posts, long negative, long neutral, long positive) {
    }

    /** The sentiment of a week or a month; {@code label} as the charts show it ("dd/MM" or "MM/yyyy"). */
    public record Bucket(LocalDate start, String label, long negative, long neutral, long positive, long unclear) {

        public long posts() {
            return negative + neutral + positive + unclear;
        }
    }

    /**
     * An emerging issue of the period, told by what happened in the period: its posts there, as its alerts counted
     * them, and when it was first raised there. The sentence its largest alert said it in is kept as it was sent, but
     * speaks of the hour before the alert ("trong 1 giờ qua"), not of the period: a report does not print it.
     */
    public record Issue(String title, String sentence, long posts, Instant raisedAt) {

        /** The title in «», once: an alert's title may come quoted already. */
        public String quotedTitle() {
            String text = title == null ? "" : title.strip();
            while (text.startsWith("«") && text.endsWith("»") && text.length() >= 2) {
                text = text.substring(1, text.length() - 1).strip();
            }
            return "«" + text + "»";
        }
    }

    /**
     * The misinformation desk.
     *
     * @param medianHoursToAnswer the median time from opening to the published answer of the cases answered in the
     *     period, in hours (one decimal); null when none was
     * @param referred cases referred to the police in the period
     */
    public record Desk(long opened, long closed, long openAtEnd, Double medianHoursToAnswer, long answered,
            long referred) {
    }

    /**
     * Information requests received in the period and where they stand (as the transparency figures count them).
     *
     * @param withdrawnLate withdrawals and transfers to another agency recorded once the request was already overdue
     *     (late too: the requester had waited past the last day); null in figures kept before it was counted
     */
    public record Transparency(long received, long answered, long answeredOnTime, long open, long overdue,
            Long withdrawnLate) {

        /** Figures without withdrawals counted apart (as before they were). */
        public Transparency(long received, long answered, long answeredOnTime, long open, long overdue) {
            this(received, answered, answeredOnTime, open, overdue, null);
        }
    }

    /**
     * The press: enquiries received and those answered within their time limit; statements; conferences; crises.
     *
     * @param withdrawnByAgency questions the agency recorded as withdrawn (with a reason), not the journalist; null in
     *     figures kept before it was counted
     * @param late questions of the period late as the press desk counts them: answered after their due time, still open
     *     past it, or withdrawn by the agency after it; null in figures kept before it was counted
     */
    public record Press(long enquiries, long answered, long answeredInTime, long statements, long conferences,
            long crises, Long withdrawnByAgency, Long late) {

        /** Figures without the agency's withdrawals and the late questions counted apart (as before they were). */
        public Press(long enquiries, long answered, long answeredInTime, long statements, long conferences, long crises) {
            this(enquiries, answered, answeredInTime, statements, conferences, crises, null, null);
        }
    }

    /** Campaigns and reach: campaigns running, publications, deliveries done by channel, broadcasts confirmed. */
    public record Reach(long campaigns, long publications, List<Count> deliveries, long broadcastsConfirmed) {

        public long deliveriesTotal() {
            return deliveries.stream().mapToLong(Count::value).sum();
        }
    }

    /** Consultations on draft documents. */
    public record Consultations(long opened, long closed, long contributions) {
    }

    /**
     * The directives' tasks: the occurrences due in the period or still open on {@code asOf}, by status class on that day
     * ({@link TaskStatusClass}), overall and by the kind of their lead agency; difficulties and proposals.
     *
     * @param byClass occurrences by status class, in the enum's order
     * @param byAgencyKind lead agency kind to its occurrences by status class
     * @param openTasks the open tasks on {@code asOf} by status class, counted as the task list counts them
     *     ({@code Tasks.countByClass}): on today, the totals of {@code /coordination/tasks?status=…}
     */
    public record Tasks(List<Count> byClass, Map<String, List<Count>> byAgencyKind, long difficultiesReceived,
            long difficultiesAnswered, List<Count> openTasks) {

        public Tasks {
            // figures stored before the open tasks were counted have none
            openTasks = openTasks == null ? List.of() : List.copyOf(openTasks);
        }

        /** The open tasks on the day the figures stand on, by status class, as the task list counts them. */
        public long openTasks(TaskStatusClass statusClass) {
            return openTasks.stream().filter(c -> c.key().equals(statusClass.name())).mapToLong(Count::value).sum();
        }

        public long openTasksTotal() {
            return openTasks.stream().mapToLong(Count::value).sum();
        }

        public long total() {
            return byClass.stream().mapToLong(Count::value).sum();
        }

        public long count(TaskStatusClass statusClass) {
            return byClass.stream().filter(c -> c.key().equals(statusClass.name())).mapToLong(Count::value).sum();
        }
    }
}
