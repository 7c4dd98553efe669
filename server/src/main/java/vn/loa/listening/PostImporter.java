package vn.loa.listening;

import java.io.IOException;
import java.io.InputStream;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;

/**
 * Imports files of posts (JSON lines or CSV, UTF-8), one post per line or record, with the fields
 * {@code source}, {@code platform}, {@code external_id}, {@code url}, {@code author},
 * {@code published_at}, {@code text}, and optionally {@code title}, {@code parent_external_id},
 * {@code reactions}, {@code shares}, {@code comments}. A bad line is quarantined with its reason and
 * the rest goes on; importing the same file twice stores nothing new.
 */
public interface PostImporter {

    /**
     * Imports a file.
     *
     * @param fileName its name; {@code .csv} means CSV, anything else JSON lines
     * @param in its content; read to the end, not closed
     * @param by who imports it
     * @param agency the agency that owns new sources, may be null
     * @return what became of each line
     * @throws IOException if the file cannot be read
     */
    default ImportSummary importFile(String fileName, InputStream in, Actor by, AgencyId agency) throws IOException {
        return importFile(fileName, in, by, agency, false);
    }

    /**
     * Imports a file, as {@link #importFile(String, InputStream, Actor, AgencyId)}.
     *
     * @param ownSourcesOnly whether a post may go only into a new source or one the agency owns (an API token's
     *     import: a post in another agency's source would be shown to that agency as its own); a post into any other
     *     source is quarantined with the reason
     */
    default ImportSummary importFile(String fileName, InputStream in, Actor by, AgencyId agency, boolean ownSourcesOnly)
            throws IOException {
        return importFile(fileName, in, by, agency, ownSourcesOnly, false);
    }

    /**
     * Imports a file, as {@link #importFile(String, InputStream, Actor, AgencyId, boolean)}.
     *
     * @param newSourcesAreCitizens whether the sources the file makes are marked as citizens' posts, so that all
     *     their posts are read as citizens' comments (but those written as an official document); otherwise a new
     *     source's posts are read as news or comments by the model. A source that exists keeps its mark.
     */
    ImportSummary importFile(String fileName, InputStream in, Actor by, AgencyId agency, boolean ownSourcesOnly,
            boolean newSourcesAreCitizens) throws IOException;
}
