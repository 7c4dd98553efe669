package vn.loa.listening.internal;

/**
 * A batch of an import is committed (its roll-ups may still be being written): the search index
 * may start on it while the import goes on. Internal to listening; the module's event is
 * {@link vn.loa.listening.PostsImported}, at the end of the import.
 *
 * @param importId the import
 * @param stored how many new posts the batch stored
 */
record BatchStored(long importId, int stored) {
}
