package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.AgencySuccession;
import vn.loa.shared.AgencyId;

class SuccessionNotesUnitTests {

    private static final Locale VI = Locale.of("vi");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);

    private final SuccessionNotes notes = new SuccessionNotes(vn.loa.platform.MessageBundles.real());


    private static Agency unit(String code, String nameVi, String nameEn) {
        return new Agency(new AgencyId(Math.abs(code.hashCode())), code, AgencyKind.DEPARTMENT, null, nameVi, nameEn,
                FIRST_DAY, null, "test");
    }

    private static AgencySuccession succession(Agency successor, String note) {
        return new AgencySuccession(new AgencyId(1), successor.id(), FIRST_DAY, note);
    }

    @Test
    void theSeedsNotesReadInTheReadersLanguageWithTheUnitThatTookOverAndTheLastDay() {
        Agency science = unit("SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology");
        AgencySuccession merged = succession(science, "merged into the Department of Science and Technology");
        assertThat(notes.shown(merged, science, VI)).isEqualTo("đến 30/06/2025; sáp nhập vào Sở Khoa học và Công nghệ");
        assertThat(notes.shown(merged, science, Locale.ENGLISH))
                .isEqualTo("until 30/06/2025; merged into Department of Science and Technology");

        Agency culture = unit("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism");
        AgencySuccession press = succession(culture, "press and grassroots information moved to culture, sports and tourism");
        assertThat(notes.shown(press, culture, VI))
                .isEqualTo("đến 30/06/2025; lĩnh vực báo chí và thông tin cơ sở chuyển về Sở Văn hóa, Thể thao và Du lịch");

        Agency health = unit("SYT", "Sở Y tế", "Department of Health");
        assertThat(notes.shown(succession(health, "merged with Khánh Hòa's"), health, VI))
                .isEqualTo("đến 30/06/2025; hợp nhất với cơ quan tương ứng của tỉnh Khánh Hòa, nay là Sở Y tế");
        assertThat(notes.shown(succession(health, "merged with Khánh Hòa's"), health, Locale.ENGLISH))
                .isEqualTo("until 30/06/2025; merged with its counterpart in Khánh Hòa, now Department of Health");

        // a commune without an English name is named in Vietnamese in both languages
        Agency ward = unit("22738", "Phường Đô Vinh", null);
        assertThat(notes.shown(succession(ward, "district level abolished"), ward, VI))
                .isEqualTo("đến 30/06/2025; không còn cấp huyện, một phần địa bàn nay thuộc Phường Đô Vinh");
        assertThat(notes.shown(succession(ward, "full"), ward, Locale.ENGLISH))
                .isEqualTo("until 30/06/2025; merged as a whole into Phường Đô Vinh");
    }

    @Test
    void aNoteInAnotherWordingIsShownAsStoredAfterTheDayTheSuccessionTookEffect() {
        Agency finance = unit("STC", "Sở Tài chính", "Department of Finance");
        assertThat(notes.shown(succession(finance, "sáp nhập <b>theo</b> Nghị quyết"), finance, Locale.ENGLISH))
                .isEqualTo("01/07/2025 · sáp nhập <b>theo</b> Nghị quyết");
        assertThat(notes.shown(succession(finance, null), finance, VI)).isEqualTo("01/07/2025");
        // the wording names another department than the one that took over: not said in other words
        assertThat(notes.shown(succession(finance, "merged into the Department of Construction"), finance, VI))
                .isEqualTo("01/07/2025 · merged into the Department of Construction");
    }

    @Test
    void everyNoteInTheSeedIsOfAKindWithAMessageInBothBundles() throws IOException {
        Properties vietnamese = properties("messages.properties");
        Properties english = properties("messages_en.properties");
        for (String kind : SuccessionNotes.kinds()) {
            assertThat(vietnamese).as(kind).containsKey("agencies.succession-note." + kind);
            assertThat(english).as(kind).containsKey("agencies.succession-note." + kind);
        }
        Map<String, Agency> units = new HashMap<>();
        for (String[] row : csv("identity/agencies-2025-khanh-hoa.csv")) {
            units.put(row[0] + "@" + row[5], unit(row[0], row[3], row[4].isEmpty() ? null : row[4]));
        }
        List<String[]> successions = csv("identity/successions-2025-khanh-hoa.csv");
        assertThat(successions).isNotEmpty();
        for (String[] row : successions) {
            Agency successor = units.get(row[2] + "@" + row[3]);
            assertThat(successor).as(String.join(",", row)).isNotNull();
            assertThat(SuccessionNotes.kind(row[4], successor)).as(row[4]).isNotNull();
            AgencySuccession succession = new AgencySuccession(new AgencyId(1), successor.id(), LocalDate.parse(row[3]), row[4]);
            assertThat(notes.shown(succession, successor, VI)).as(row[4]).startsWith("đến 30/06/2025; ")
                    .doesNotContain(row[4]);
            assertThat(notes.shown(succession, successor, Locale.ENGLISH)).as(row[4]).startsWith("until 30/06/2025; ");
        }
    }

    private static Properties properties(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(resource(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static InputStream resource(String name) {
        InputStream in = SuccessionNotesUnitTests.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    /** The records of a seed file after its header: fields split at commas outside quotes, the quotes removed. */
    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] lines = new String(resource(name).readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            for (int f = 0; f < fields.length; f++) {
                String field = fields[f];
                fields[f] = field.startsWith("\"") && field.endsWith("\"")
                        ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
            }
            rows.add(fields);
        }
        return rows;
    }
}
