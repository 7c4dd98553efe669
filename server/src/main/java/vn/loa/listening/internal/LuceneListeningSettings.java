package vn.loa.listening.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of listening ({@code loa.listening.*}).
 *
 * @param indexDir where the search index lives; it is derived from the database and rebuilt when behind
 * @param searchableWait how long an import, a push or a corrected label waits for its posts to become
 *     searchable before it answers anyway (the index is busy, e.g. with a bulk import's backlog)
 */
@ConfigurationProperties("loa.listening")
record LuceneListeningSettings(@DefaultValue("data/index") String indexDir,
        @DefaultValue("500ms") Duration searchableWait) {
}
