package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;

/** The July 2025 reorganisation (Ninh Thuận into Khánh Hòa, no more districts), as data. Own database. */
@SpringBootTest(properties = "loa.embedded-database.data-dir=target/test-postgres-reorganisation")
class AgencyReorganisationIntegrationTests {

    private static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);

    @Autowired
    AgencyDirectory agencies;

    @Test
    void aUnitSitsUnderAParentThatExistsForAllItsLife() {
        Agency ninhThuan = agencies.findByCode("58", LocalDate.of(2023, 5, 15)).orElseThrow();
        assertThat(ninhThuan.validTo()).isNotNull();
        String code = "PARENT" + System.nanoTime() % 100000;
        assertThatThrownBy(() -> agencies.create(new AgencyDirectory.AgencyForm(code, AgencyKind.OTHER, ninhThuan.id(),
                "Đơn vị thử dưới tỉnh cũ", null, LocalDate.of(2026, 12, 6), null, "test"), Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("parent");
                    assertThat(e.messageKey()).isEqualTo("agency.error.parent-period");
                });
        // under the old province for the old province's time: accepted
        assertThat(agencies.create(new AgencyDirectory.AgencyForm(code, AgencyKind.OTHER, ninhThuan.id(),
                "Đơn vị thử dưới tỉnh cũ", null, LocalDate.of(2024, 1, 1), ninhThuan.validTo(), "test"), Actor.SYSTEM)
                .parent()).isEqualTo(ninhThuan.id());
    }

    @Test
    void theSeedHoldsNinhThuanAsOfMay2023() {
        LocalDate may2023 = LocalDate.of(2023, 5, 15);
        assertThat(agencies.findByCode("58", may2023)).get().extracting(Agency::kind).isEqualTo(AgencyKind.PROVINCE);
        assertThat(agencies.findByCode("586", may2023)).get().extracting(Agency::nameVi).isEqualTo("Huyện Ninh Hải");
        assertThat(agencies.findByCode("SYT", may2023)).get().extracting(Agency::nameVi).isEqualTo("Sở Y tế");
        List<Agency> valid = agencies.validOn(may2023);
        assertThat(valid).filteredOn(a -> a.kind() == AgencyKind.DISTRICT).hasSize(7);
        assertThat(valid).filteredOn(a -> a.kind() == AgencyKind.COMMUNE).hasSize(62);
    }

    @Test
    void theMergerIntoKhanhHoaIsExpressedAsUnitsAndSuccessions() throws IOException {
        try (InputStream units = resource("agencies-2025-khanh-hoa.csv");
                InputStream successions = resource("successions-2025-khanh-hoa.csv")) {
            agencies.importCsv("2025", units, successions, Actor.SYSTEM);
        }

        Agency ninhThuan = agencies.findByCode("58", LAST_DAY).orElseThrow();
        assertThat(agencies.findByCode("58", FIRST_DAY)).isEmpty();
        Agency khanhHoa = agencies.findByCode("56", FIRST_DAY).orElseThrow();
        assertThat(agencies.successorsOf(ninhThuan.id())).extracting(AgencySuccession::successor).containsExactly(khanhHoa.id());

        Agency ninhHai = agencies.findByCode("586", LAST_DAY).orElseThrow();
        assertThat(ninhHai.validTo()).isEqualTo(LAST_DAY);
        assertThat(agencies.validOn(FIRST_DAY)).noneMatch(a -> a.kind() == AgencyKind.DISTRICT);
        assertThat(agencies.successorsOf(ninhHai.id())).extracting(s -> agencies.find(s.successor()).orElseThrow().nameVi())
                .contains("Xã Ninh Hải", "Xã Vĩnh Hải", "Xã Xuân Hải", "Phường Ninh Chử");

        Agency oldDoVinh = agencies.findByCode("22738", LAST_DAY).orElseThrow();
        Agency newDoVinh = agencies.findByCode("22738", FIRST_DAY).orElseThrow();
        assertThat(newDoVinh.id()).as("a reused code names a new unit").isNotEqualTo(oldDoVinh.id());
        assertThat(agencies.predecessorsOf(newDoVinh.id())).extracting(AgencySuccession::predecessor)
                .contains(oldDoVinh.id(), agencies.findByCode("22831", LAST_DAY).orElseThrow().id());
    }

    @Test
    void importingTheSameFileTwiceCreatesNothingNew() throws IOException {
        byte[] file = "code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\nTEST1,OTHER,58,Đơn vị thử,,2023-05-01,,test\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(agencies.importCsv("t", new ByteArrayInputStream(file), null, Actor.SYSTEM).created()).isEqualTo(1);
        assertThat(agencies.importCsv("t", new ByteArrayInputStream(file), null, Actor.SYSTEM).created()).isZero();
    }

    @Test
    void aBadLineRefusesTheFileNamingTheLine() {
        byte[] file = ("code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + "TEST2,OTHER,58,Một,,2023-05-01,,test\n"
                + "TEST3,OTHER,58,Hai,,01/05/2023,,test\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> agencies.importCsv("bad", new ByteArrayInputStream(file), null, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("agency.import.bad-date");
                    assertThat(e.arguments()[0]).isEqualTo(3);
                });
        assertThat(agencies.findByCode("TEST2", LocalDate.of(2023, 6, 1))).as("nothing of the file is kept").isEmpty();
    }

    @Test
    void aBadLineIsNamedByItsLineInTheFileAfterBlankLinesAndAFieldOverTwoLines() {
        byte[] file = ("code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + "\n"
                + "TEST4,OTHER,58,\"Đơn vị, thử\",,2023-05-01,,\"nguồn\nhai dòng\"\n"
                + "   \n"
                + "TEST5,OTHER,58,Năm,,2023-13-01,,test\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> agencies.importCsv("bad", new ByteArrayInputStream(file), null, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("agency.import.bad-date");
                    assertThat(e.arguments()[0]).isEqualTo(6);
                });
    }

    @Test
    void aFileSavedInAnotherEncodingIsRefusedNamingItsLineAndNothingIsKept() {
        String csv = "code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + "TEST6,OTHER,58,Sở Thử nghiệm Sáu,,2023-05-01,,test\n";
        // as a Vietnamese tool of the old days writes it: Windows-1258
        byte[] file = csv.getBytes(java.nio.charset.Charset.forName("windows-1258"));
        assertThatThrownBy(() -> agencies.importCsv("cu.csv", new ByteArrayInputStream(file), null, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("agency.import.not-utf8");
                    assertThat(e.arguments()).containsExactly("cu.csv", 2);
                });
        assertThat(agencies.findByCode("TEST6", LocalDate.of(2023, 6, 1))).as("nothing garbled is kept").isEmpty();
        // the same saved as UTF-8 with the mark Excel writes: read, the name whole
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] excel = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, excel, 0, bom.length);
        System.arraycopy(utf8, 0, excel, bom.length, utf8.length);
        assertThat(agencies.importCsv("moi.csv", new ByteArrayInputStream(excel), null, Actor.SYSTEM).created()).isEqualTo(1);
        assertThat(agencies.findByCode("TEST6", LocalDate.of(2023, 6, 1))).get()
                .satisfies(a -> assertThat(a.nameVi()).isEqualTo("Sở Thử nghiệm Sáu"));
        // saved by Excel with semicolons: said so
        byte[] semicolons = csv.replace(',', ';').getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> agencies.importCsv("excel.csv", new ByteArrayInputStream(semicolons), null, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey()).isEqualTo("agency.import.semicolons"));
    }

    private static InputStream resource(String name) {
        return AgencyReorganisationIntegrationTests.class.getResourceAsStream("/identity/" + name);
    }
}
