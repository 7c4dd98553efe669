package vn.loa.nlp.vectors;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Classes of syllables that occur in like contexts, learnt from unlabelled text
 * ({@link ClusterTrainer}): "chết", "tử", "thương" fall together, and so do "đạt", "giành", "vô".
 * A classifier that reads a syllable's class as well as the syllable itself generalises from the
 * few labelled texts it has to syllables it never saw with a label. Immutable and thread-safe.
 */
public final class SyllableClusters {

    private static final int MAGIC = 0x4c4f4153; // "LOAS"
    private static final int VERSION = 1;
    /** The shipped classes, in the jar beside the models. */
    public static final String RESOURCE = "/vn/loa/nlp/models/syllable-clusters.bin";

    private static volatile SyllableClusters standard;

    private final long[] keys;
    private final short[] classes;
    private final int count;

    SyllableClusters(long[] keys, short[] classes, int count) {
        if (keys.length != classes.length) {
            throw new IllegalArgumentException("one class per syllable");
        }
        long[] sortedKeys = keys.clone();
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        short[] sortedClasses = new short[keys.length];
        for (int i = 0; i < order.length; i++) {
            sortedKeys[i] = keys[order[i]];
            sortedClasses[i] = classes[order[i]];
        }
        this.keys = sortedKeys;
        this.classes = sortedClasses;
        this.count = count;
    }

    /** The class of a syllable by its {@link vn.loa.nlp.Syllables#key} , or -1 if the syllable was too rare to learn. */
    public int classOf(long syllableKey) {
        int at = Arrays.binarySearch(keys, syllableKey);
        return at < 0 ? -1 : classes[at];
    }

    /** How many classes there are. */
    public int count() {
        return count;
    }

    /** How many syllables have a class. */
    public int syllables() {
        return keys.length;
    }

    /** The shipped classes, loaded once. */
    public static SyllableClusters standard() {
        SyllableClusters loaded = standard;
        if (loaded == null) {
            synchronized (SyllableClusters.class) {
                if (standard == null) {
                    try (InputStream in = SyllableClusters.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the syllable classes " + RESOURCE + " are missing from the jar");
                        }
                        standard = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                }
                loaded = standard;
            }
        }
        return loaded;
    }

    /** Writes the classes. */
    public void write(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(count);
        out.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeShort(classes[i]);
        }
        out.flush();
        gzip.finish();
    }

    /** Reads classes written by {@link #write(OutputStream)}. */
    public static SyllableClusters read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not Loa's syllable classes, or of another version");
        }
        int count = in.readInt();
        int n = in.readInt();
        long[] keys = new long[n];
        short[] classes = new short[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.readLong();
            classes[i] = in.readShort();
        }
        return new SyllableClusters(keys, classes, count);
    }
}
