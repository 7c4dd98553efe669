package vn.loa.listening.internal;

/**
 * A feed that cannot be fetched or read as a whole; the message is the problem's stored form, which the sources page
 * shows in the reader's language.
 */
final class FeedException extends Exception {

    private final FeedProblem problem;

    FeedException(FeedProblem problem, Object... arguments) {
        super(problem.message(arguments));
        this.problem = problem;
    }

    FeedProblem problem() {
        return problem;
    }
}
