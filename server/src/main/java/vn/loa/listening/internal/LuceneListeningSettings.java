package vn.loa.listening.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of listening ({@code loa.listening.*}).
 *
 * @param indexDir where the search index lives; it is derived from the database and rebuilt when behind
 */
@ConfigurationProperties("loa.listening")
record LuceneListeningSettings(@DefaultValue("data/index") String indexDir) {
}
