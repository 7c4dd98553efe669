package vn.loa.listening.cli;

import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.loa.listening.PostReanalysis;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;

/**
 * {@code bin/loa reanalyze [--batch N] [--reroute]}: re-analyses the stored posts that other models labelled
 * (with {@code --reroute}, every post: the places and agencies of the others are read again, after the routing
 * rules or the province's units changed), printing its progress after each batch; a run stopped half-way resumes
 * where it stopped.
 */
@Component
class ReanalyzeCommand implements CliCommand {

    private final PostReanalysis reanalysis;
    private final CliText text;

    ReanalyzeCommand(PostReanalysis reanalysis, CliText text) {
        this.reanalysis = reanalysis;
        this.text = text;
    }

    @Override
    public String name() {
        return "reanalyze";
    }


    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int batch = PostReanalysis.DEFAULT_BATCH;
        boolean reroute = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--reroute")) {
                reroute = true;
            } else if (args.get(i).equals("--batch") && i + 1 < args.size()) {
                try {
                    batch = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(text.get("cli.whole-number", "--batch", args.get(i)));
                }
            } else {
                throw new IllegalArgumentException(text.get("cli.usage-of", "reanalyze [--batch N] [--reroute]"));
            }
        }
        out.println(text.get("cli.reanalyze.outdated", reanalysis.modelVersion(), reanalysis.outdated()));
        if (reroute) {
            out.println(text.get("cli.reanalyze.reroute", reanalysis.routingVersion()));
        }
        try {
            PostReanalysis.Run run = reanalysis.run(new Actor("cli:" + System.getProperty("user.name", "unknown"), null),
                    batch, reroute, progress -> out.println(text.get("cli.reanalyze.progress", String.valueOf(progress.id()),
                            progress.postsDone(), progress.postsTotal(), String.valueOf(progress.lastPostId()))));
            out.println(run.rerouting()
                    ? text.get("cli.reanalyze.done-rerouted", String.valueOf(run.id()), run.postsDone(), run.modelVersion(),
                            run.routing())
                    : text.get("cli.reanalyze.done", String.valueOf(run.id()), run.postsDone(), run.modelVersion()));
            return 0;
        } catch (Conflict e) {
            err.println(text.get("cli.error", text.get(e.messageKey(), e.arguments())));
            return 1;
        } catch (InvalidInput e) {
            err.println(text.get("cli.error", text.of(e)));
            return 2;
        }
    }
}
