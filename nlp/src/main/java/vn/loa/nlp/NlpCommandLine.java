package vn.loa.nlp;

import vn.loa.nlp.cli.NlpCli;

/** The entry point of {@code bin/loa nlp ...}: segment, analyze, keywords, train and eval. */
public final class NlpCommandLine {

    private NlpCommandLine() {
    }

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        NlpCli.main(args);
    }
}
