package vn.loa.nlp.segment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import vn.loa.nlp.LongSet;

/**
 * The weights and lexicon of a word segmenter. Immutable and thread-safe once built.
 *
 * @param bits the log2 of the weight table's size
 * @param weights the feature weights, indexed by hashed feature
 * @param lexicon keys of the multi-syllable words seen in training
 */
record SegmenterModel(int bits, float[] weights, LongSet lexicon, SilverStats stats) {

    SegmenterModel(int bits, float[] weights, LongSet lexicon) {
        this(bits, weights, lexicon, null);
    }

    private static final int MAGIC = 0x4c4f4153; // "LOAS"
    private static final int VERSION = 1;

    int mask() {
        return (1 << bits) - 1;
    }

    /** Writes the model: gzip of a header, the non-zero weights (delta-coded) and the sorted lexicon. */
    void write(OutputStream target) throws IOException {
        if (stats != null) {
            throw new IOException("a model that reads silver statistics cannot be written (its tables are not part of the format)");
        }
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(bits);
        int nonZero = 0;
        for (float w : weights) {
            if (w != 0f) {
                nonZero++;
            }
        }
        out.writeInt(nonZero);
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0f) {
                out.writeInt(i - last);
                out.writeFloat(weights[i]);
                last = i;
            }
        }
        long[] words = lexicon.sortedKeys();
        out.writeInt(words.length);
        for (long word : words) {
            out.writeLong(word);
        }
        out.flush();
        gzip.finish();
    }

    static SegmenterModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a Loa segmenter model, or of another version");
        }
        int bits = in.readInt();
        if (bits < 10 || bits > 26) {
            throw new IOException("segmenter model has an implausible table size 2^" + bits);
        }
        float[] weights = new float[1 << bits];
        int nonZero = in.readInt();
        int index = -1;
        for (int i = 0; i < nonZero; i++) {
            index += in.readInt();
            weights[index] = in.readFloat();
        }
        long[] words = new long[in.readInt()];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
        return new SegmenterModel(bits, weights, LongSet.of(words));
    }
}
