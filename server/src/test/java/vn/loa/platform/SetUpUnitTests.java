package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The set-up a newcomer follows: the README's two commands, with the Maven a machine has, and what CI installs. */
class SetUpUnitTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmesTwoCommandsUseMavenItselfAndNoWrapperIsShipped() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(commands(readme, "## Run")).containsExactly("mvn -q -DskipTests package && bin/loa server");
        assertThat(commands(readme, "## Test")).containsExactly("mvn -B verify");
        assertThat(readme).doesNotContain("mvnw").contains("apt-get install maven");
        // the wrapper named a package registry's host and fetched Maven from it
        assertThat(ROOT.resolve("mvnw")).doesNotExist();
        assertThat(ROOT.resolve("mvnw.cmd")).doesNotExist();
        assertThat(ROOT.resolve(".mvn/wrapper")).doesNotExist();
    }

    @Test
    void ciInstallsMavenAndTheBrowserWhenTheMachineHasNone() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(ci).contains("command -v mvn").contains("apt-get install -y -qq maven")
                .contains("command -v chromium").contains("chromium-driver");
    }

    /** The fenced commands of one section of the README. */
    private static List<String> commands(String readme, String heading) {
        List<String> found = new ArrayList<>();
        boolean inSection = false;
        boolean fenced = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("## ")) {
                inSection = line.equals(heading);
                continue;
            }
            if (inSection && line.startsWith("```")) {
                fenced = !fenced;
            } else if (inSection && fenced) {
                found.add(line);
            }
        }
        return found;
    }
}
