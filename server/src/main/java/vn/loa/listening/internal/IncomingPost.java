package vn.loa.listening.internal;

import java.time.Instant;
import vn.loa.listening.Platform;
import vn.loa.nlp.analyze.Register;

/** A post as read from a file, validated, not yet analysed. */
record IncomingPost(long line, String source, Platform platform, String externalId, String url, String author,
        Instant publishedAt, String title, String text, String parentExternalId, Integer reactions, Integer shares,
        Integer comments) {

    /** What the post's platform says of its register, knowing whether it answers another post. */
    Register.Hint registerHint() {
        return platform.registerHint(parentExternalId != null);
    }
}
