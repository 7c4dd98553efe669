package vn.loa.listening.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream line by line, decoding each line as strict UTF-8, so that one line in another
 * encoding is reported on its own while the others are read. A byte-order mark at the start is
 * skipped; a line longer than the limit is reported and skipped to its end.
 */
final class Utf8Lines {

    /** One line: its number and text, or the reason it could not be read. */
    record Line(long number, String text, String problem) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private long number;
    private boolean first = true;
    private boolean ended;

    Utf8Lines(InputStream in, int maxBytes) {
        this.in = in instanceof java.io.BufferedInputStream || in instanceof java.io.ByteArrayInputStream
                ? in : new java.io.BufferedInputStream(in, 1 << 16);
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        buffer.reset();
        boolean tooLong = false;
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (buffer.size() < maxBytes) {
                buffer.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b == -1) {
            ended = true;
            if (!any) {
                return null;
            }
        }
        number++;
        byte[] bytes = buffer.toByteArray();
        int start = 0;
        if (first && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        first = false;
        int end = bytes.length;
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        if (tooLong) {
            return new Line(number, null, "line is longer than " + (maxBytes / 1024) + " KB");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, end - start))
                    .toString();
            return new Line(number, text, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not valid UTF-8 (save the file as UTF-8)");
        }
    }
}
