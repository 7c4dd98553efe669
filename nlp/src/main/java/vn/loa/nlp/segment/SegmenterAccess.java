package vn.loa.nlp.segment;

import java.io.IOException;
import java.io.OutputStream;

/** Lets the command line write a trained model without making the model type public. */
public final class SegmenterAccess {

    private SegmenterAccess() {
    }

    /** Writes the segmenter's model in the shipped format. */
    public static void write(WordSegmenter segmenter, OutputStream out) throws IOException {
        segmenter.model().write(out);
    }
}
