package vn.loa.listening.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.listening.PostReanalysis;
import vn.loa.platform.CliCommand;
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
    private final MessageSource messages;

    ReanalyzeCommand(PostReanalysis reanalysis, MessageSource messages) {
        this.reanalysis = reanalysis;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "reanalyze";
    }

    @Override
    public String description() {
        return "re-analyse the posts that other models labelled ([--batch N], default "
                + PostReanalysis.DEFAULT_BATCH + "; --reroute: route every post again by today's rules and units);"
                + " resumes a run stopped half-way";
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
                    throw new IllegalArgumentException("--batch takes a number, was '" + args.get(i) + "'");
                }
            } else {
                throw new IllegalArgumentException("usage: reanalyze [--batch N] [--reroute]");
            }
        }
        out.println("Models " + reanalysis.modelVersion() + ": " + reanalysis.outdated() + " posts labelled by other models");
        if (reroute) {
            out.println("Routing " + reanalysis.routingVersion() + ": every post is routed again");
        }
        try {
            PostReanalysis.Run run = reanalysis.run(new Actor("cli:" + System.getProperty("user.name", "unknown"), null),
                    batch, reroute, progress -> out.println(String.format(Locale.ROOT,
                            "Re-analysis %d: %d / %d posts (last post %d)", progress.id(), progress.postsDone(),
                            progress.postsTotal(), progress.lastPostId())));
            out.println(String.format(Locale.ROOT, "Re-analysis %d done: %d posts labelled by models %s%s",
                    run.id(), run.postsDone(), run.modelVersion(),
                    run.rerouting() ? " and routed by routing " + run.routing() : ""));
            return 0;
        } catch (Conflict e) {
            err.println("Error: " + messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH));
            return 1;
        } catch (InvalidInput e) {
            err.println("Error: " + messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH));
            return 2;
        }
    }
}
