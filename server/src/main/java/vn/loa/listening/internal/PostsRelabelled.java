package vn.loa.listening.internal;

/**
 * A batch of a re-analysis is committed: posts up to {@code lastPostId} carry new labels, and the
 * search index may read them again. Internal to listening; the module's event is
 * {@link vn.loa.listening.PostsReanalysed}, at the end of the run.
 *
 * @param runId the re-analysis run
 * @param lastPostId the highest post id it has re-analysed
 */
record PostsRelabelled(long runId, long lastPostId) {
}
