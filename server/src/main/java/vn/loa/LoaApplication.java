package vn.loa;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import vn.loa.platform.CliText;

/**
 * Loa: the policy-communication platform. {@code server} starts the web application; {@code nlp}
 * runs the language engine's command line without Spring; {@code help} (or none at all through {@code bin/loa}) lists
 * the commands without Spring either; any other first argument runs a command-line task (for example
 * {@code audit verify}) and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class LoaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("nlp")) {
            vn.loa.nlp.NlpCommandLine.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 0 || args[0].equals("server")) {
            String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
            SpringApplication.run(LoaApplication.class, rest);
            return;
        }
        // help, a mistyped command and a wrong language are answered at once, without starting Loa or its database
        String language = CliText.unknownLanguage(System.getenv());
        if (language != null) {
            System.err.println("LOA_LANG: vi hoặc en (Vietnamese or English), không phải / not '" + language + "'");
            System.exit(2);
        }
        List<String> words = CliText.commandWords(Arrays.asList(args));
        CliText text = CliText.standalone(System.getenv());
        if (CliText.asksForHelp(words)) {
            text.printHelp(words, System.out);
            return;
        }
        if (CliText.commandOf(words) == null) {
            System.err.println(text.get("cli.unknown-command", String.join(" ", words)));
            text.printHelp(List.of(), System.err);
            System.exit(2);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("loa.cli.command=" + String.join(" ", args),
                        "loa.demo.enabled=false",
                        "logging.level.root=WARN",
                        "spring.main.register-shutdown-hook=true")
                .run(args);
        System.exit(SpringApplication.exit(context));
    }
}
