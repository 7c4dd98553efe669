package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.loa.shared.Languages;

/**
 * {@code bin/loa help} is answered before Loa starts, from {@link CliText#COMMANDS} and the bundles: that list must
 * be the commands Loa runs, and each must have its line in both languages.
 */
@SpringBootTest
class CliTextIntegrationTests {

    @Autowired
    List<CliCommand> commands;

    @Test
    void theListHelpShowsIsTheCommandsLoaRuns() {
        assertThat(commands.stream().map(CliCommand::name).sorted().toList()).isEqualTo(CliText.COMMANDS);
        for (Map<String, String> environment : List.of(Map.of("LOA_LANG", "vi"), Map.of("LOA_LANG", "en"))) {
            CliText text = CliText.standalone(environment);
            for (String command : CliText.COMMANDS) {
                assertThat(text.help(command)).as(command).isNotBlank().doesNotStartWith("cli.");
            }
        }
    }

    @Test
    void theLanguageIsVietnameseUnlessTheEnvironmentAsksForEnglish() {
        assertThat(CliText.locale(Map.of())).isEqualTo(Languages.VIETNAMESE);
        assertThat(CliText.locale(Map.of("LANG", "C.UTF-8"))).isEqualTo(Languages.VIETNAMESE);
        assertThat(CliText.locale(Map.of("LANG", "en_US.UTF-8"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliText.locale(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "vi_VN.UTF-8"))).isEqualTo(Languages.VIETNAMESE);
        assertThat(CliText.locale(Map.of("LANG", "vi_VN.UTF-8", "LOA_LANG", "en"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliText.unknownLanguage(Map.of("LOA_LANG", "fr"))).isEqualTo("fr");
        assertThat(CliText.unknownLanguage(Map.of("LOA_LANG", "vi"))).isNull();
        assertThat(CliText.unknownLanguage(Map.of())).isNull();
    }

    @Test
    void aMessageWithArgumentsReadsTheSameInEitherLanguage() {
        assertThat(CliText.standalone(Map.of("LOA_LANG", "vi")).get("cli.unknown-option", "--dry-run", "import FILE"))
                .isEqualTo("lệnh không có tùy chọn \"--dry-run\"; cách dùng: bin/loa import FILE");
        assertThat(CliText.standalone(Map.of("LOA_LANG", "en")).get("cli.unknown-option", "--dry-run", "import FILE"))
                .isEqualTo("the command takes no option '--dry-run'; usage: bin/loa import FILE");
    }
}
