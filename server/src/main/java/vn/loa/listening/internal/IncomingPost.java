package vn.loa.listening.internal;

import java.time.Instant;
import vn.loa.listening.Platform;
import vn.loa.nlp.analyze.Register;

/**
 * A post as read from a file, validated, not yet analysed.
 *
 * @param citizensSource whether its source is marked as citizens' own posts ({@code post_source.citizens}), known
 *     once the importer has looked its source up
 * @param localSource whether its source is marked as the province's own ({@code post_source.local}), known then too
 */
record IncomingPost(long line, String source, Platform platform, String externalId, String url, String author,
        Instant publishedAt, String title, String text, String parentExternalId, Integer reactions, Integer shares,
        Integer comments, boolean citizensSource, boolean localSource) {

    IncomingPost(long line, String source, Platform platform, String externalId, String url, String author,
            Instant publishedAt, String title, String text, String parentExternalId, Integer reactions, Integer shares,
            Integer comments) {
        this(line, source, platform, externalId, url, author, publishedAt, title, text, parentExternalId, reactions,
                shares, comments, false, false);
    }

    /** The same post, on a source marked (or not) as citizens' own posts and as the province's own. */
    IncomingPost onSource(boolean citizens, boolean local) {
        return new IncomingPost(line, source, platform, externalId, url, author, publishedAt, title, text,
                parentExternalId, reactions, shares, comments, citizens, local);
    }

    /** What the post's platform and source say of its register, knowing whether it answers another post. */
    Register.Hint registerHint() {
        return platform.registerHint(parentExternalId != null, citizensSource);
    }
}
