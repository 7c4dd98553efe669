package vn.loa.listening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream line by line, decoding each line as strict UTF-8, so that one line in another
 * encoding is reported on its own while the others are read. A byte-order mark at the start is
 * skipped; a line longer than the limit is reported and skipped to its end.
 */
final class Utf8Lines {

    /**
     * One line: its number and text, or the reason it could not be read with its start (a preview for the quarantine,
     * bytes that are not UTF-8 shown as U+FFFD).
     */
    record Line(long number, String text, String problem, String preview) {

        Line(long number, String text, String problem) {
            this(number, text, problem, null);
        }
    }

    /** How much of an unreadable line the quarantine keeps to show (it keeps 2,000 characters of it). */
    private static final int PREVIEW_BYTES = 8_000;

    private final InputStream in;
    private final int maxBytes;
    /** Bytes read from the stream and not yet handed out: {@code chunk[position, limit)}. */
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    /** The current line's bytes (kept up to the limit). */
    private byte[] line = new byte[256];
    private int length;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;
    private boolean first = true;
    private boolean ended;

    Utf8Lines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        length = 0;
        boolean tooLong = false;
        boolean any = false;
        boolean newline = false;
        while (!newline) {
            if (position == limit) {
                int read = in.read(chunk, 0, chunk.length);
                if (read == -1) {
                    break;
                }
                position = 0;
                limit = read;
            }
            any = true;
            int stop = position;
            while (stop < limit && chunk[stop] != '\n') {
                stop++;
            }
            int take = Math.min(stop - position, maxBytes - length);
            if (take < stop - position) {
                tooLong = true;
            }
            append(position, take);
            newline = stop < limit;
            position = newline ? stop + 1 : stop;
        }
        if (!newline) {
            ended = true;
            if (!any) {
                return null;
            }
        }
        number++;
        byte[] bytes = line;
        int start = 0;
        if (first && length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        first = false;
        int end = length;
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        if (tooLong) {
            return new Line(number, null, "line is longer than " + (maxBytes / 1024) + " KB", preview(bytes, start, end));
        }
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            return new Line(number, text, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not valid UTF-8 (save the file as UTF-8)", preview(bytes, start, end));
        }
    }

    /**
     * The start of a line that cannot be read as it is, for the quarantine: what a person needs to find the post (bytes
     * that are not UTF-8 shown as U+FFFD).
     */
    private static String preview(byte[] bytes, int start, int end) {
        String text = new String(bytes, start, Math.min(end - start, PREVIEW_BYTES), StandardCharsets.UTF_8);
        return text.replace('\u0000', '\uFFFD');
    }

    private void append(int from, int count) {
        if (count <= 0) {
            return;
        }
        if (length + count > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }
}
