package vn.loa.shared;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file's bytes read as UTF-8 strictly: a file saved in another encoding (Windows-1258, as older Vietnamese tools
 * write) is refused with the line of its first byte that is not UTF-8, rather than read with replacement characters
 * that would be stored for good. A byte-order mark at the start is skipped, as spreadsheets write one.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /** The first line of a text that is not UTF-8. */
    public static final class NotUtf8 extends RuntimeException {

        private final int line;

        NotUtf8(int line) {
            super("not UTF-8 from line " + line);
            this.line = line;
        }

        /** The line, from 1, of the first byte that is not UTF-8. */
        public int line() {
            return line;
        }
    }

    /** The text of the bytes; {@link NotUtf8} naming the line of the first byte that is not UTF-8. */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8(line);
        }
        return out.flip().toString();
    }
}
