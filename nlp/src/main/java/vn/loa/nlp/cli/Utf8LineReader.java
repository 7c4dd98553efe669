package vn.loa.nlp.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a file or of standard input read as UTF-8 strictly, one line's bytes at a time: text saved in another
 * encoding (Windows-1258, as older Vietnamese tools write) stops the command naming the line it is on, rather than being
 * analysed with replacement characters ("Khánh" read as something else). A byte-order mark at the start is skipped;
 * a line may end with {@code \n} or {@code \r\n}.
 */
final class Utf8LineReader implements AutoCloseable {

    private final InputStream in;
    private final String name;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private long line;

    Utf8LineReader(InputStream in, String name) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.name = name;
    }

    /** The next line, or null at the end; an IOException naming the line when it is not UTF-8. */
    String readLine() throws IOException {
        bytes.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            bytes.write(b);
        }
        if (b == -1 && bytes.size() == 0) {
            return null;
        }
        line++;
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name + ": line " + line + " is not UTF-8 text (saved in another encoding, such as"
                    + " Windows-1258?); save it as UTF-8 and run the command again", e);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (line == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
