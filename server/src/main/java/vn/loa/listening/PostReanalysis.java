package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import vn.loa.shared.Actor;

/**
 * Re-analysis of stored posts after the language models or the gazetteers change: every post labelled by
 * other models is analysed again, in batches in id order, each batch in one transaction that takes its
 * posts out of the roll-ups, relabels them, reads the places they name and routes them again as an import
 * would, and puts them back. A re-routing run goes over every post: after the routing rules or the
 * province's units changed, the places and agencies of the posts already labelled by today's models are
 * read again too (their other labels stay). What an officer corrected (sentiment, topic, agency) is kept.
 * A run's progress is kept after each batch, so a run stopped half-way resumes after its last post; one
 * run at a time, across every process on the database.
 */
public interface PostReanalysis {

    /** Posts re-analysed per batch unless asked otherwise. */
    int DEFAULT_BATCH = 2_000;

    /** Where a run stands. */
    enum Status {
        /** Going on, or stopped by a process that died (the next run resumes it). */
        RUNNING,
        /** Every post labelled by other models was re-analysed. */
        DONE,
        /** Stopped before the end (an error, a shutdown); the next run of the same models resumes it. */
        INTERRUPTED
    }

    /**
     * A run.
     *
     * @param modelVersion the version of the models it labels with
     * @param startedBy the user name of who started it
     * @param finishedAt when it ended, null while it goes on or when it was interrupted
     * @param postsTotal posts to re-analyse (done so far and left, as counted when the run started or resumed)
     * @param postsDone posts re-analysed so far
     * @param lastPostId the id of the last post re-analysed; the run resumes after it
     * @param routing for a re-routing run, the version of the routing it routes every post by; null for a run over
     *     the posts other models labelled
     */
    record Run(long id, String modelVersion, String startedBy, Instant startedAt, Instant finishedAt, long postsTotal,
            long postsDone, long lastPostId, Status status, String routing) {

        /** Whether it re-routes every post, not only the posts other models labelled. */
        public boolean rerouting() {
            return routing != null;
        }
    }

    /** The version of the models (and gazetteers) that label posts now. */
    String modelVersion();

    /** The version of the routing now: of the routing rules and of the province's units that places route to. */
    String routingVersion();

    /** How many stored posts were labelled by other models than today's. */
    long outdated();

    /** The latest runs, newest first. */
    List<Run> runs(int limit);

    /** Whether a run is going on, in this process or another. */
    boolean running();

    /**
     * Re-analyses every post labelled by other models, in the caller's thread, resuming an unfinished run
     * of the same models; {@code progress} is told after each committed batch (an exception it throws
     * stops the run, which is left interrupted and resumable). Gives the run as it ended.
     *
     * @param batch posts per batch, 1 to 50,000
     * @throws vn.loa.shared.Conflict if a run is going on already
     */
    default Run run(Actor by, int batch, Consumer<Run> progress) {
        return run(by, batch, false, progress);
    }

    /**
     * Re-analyses as {@link #run(Actor, int, Consumer)} does; with {@code reroute}, every post, reading again the
     * places and agencies of the posts already labelled by today's models, and resuming only an unfinished
     * re-routing run of the same models and routing.
     *
     * @param batch posts per batch, 1 to 50,000
     * @throws vn.loa.shared.Conflict if a run is going on already
     */
    Run run(Actor by, int batch, boolean reroute, Consumer<Run> progress);

    /**
     * Starts {@link #run} in the background and gives the run once it has started.
     *
     * @throws vn.loa.shared.Conflict if a run is going on already
     */
    default Run start(Actor by, int batch) {
        return start(by, batch, false);
    }

    /**
     * Starts {@link #run(Actor, int, boolean, Consumer)} in the background and gives the run once it has started.
     *
     * @throws vn.loa.shared.Conflict if a run is going on already
     */
    Run start(Actor by, int batch, boolean reroute);
}
