package vn.loa.transparency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.transparency.InformationRequests.PersonalDatum;

/** Each kind of personal data is found in Vietnamese text, and removed from the published copy. */
class PersonalDataUnitTests {

    @Test
    void eachKindIsFound() {
        String text = "Tôi là Nguyễn Thị Lan, CCCD 056190001234 (CMND cũ 225123456, hộ chiếu C1234567), ở số 12 đường Lê Lợi,"
                + " phường Nha Trang; điện thoại 0905 123 456 hoặc +84 258 3822 111, thư lan.nguyen@example.vn. Tôi hỏi về"
                + " hồ sơ của ông Trần Văn Bình ở 45/7 Trần Phú.";
        List<PersonalDatum> found = PersonalData.find(List.of("Nguyễn Thị Lan"), text);
        assertThat(found).extracting(PersonalDatum::kind, PersonalDatum::text).contains(
                org.assertj.core.groups.Tuple.tuple("NAME", "Nguyễn Thị Lan"),
                org.assertj.core.groups.Tuple.tuple("ID_NUMBER", "056190001234"),
                org.assertj.core.groups.Tuple.tuple("ID_NUMBER", "225123456"),
                org.assertj.core.groups.Tuple.tuple("ID_NUMBER", "C1234567"),
                org.assertj.core.groups.Tuple.tuple("ADDRESS", "số 12 đường Lê Lợi"),
                org.assertj.core.groups.Tuple.tuple("ADDRESS", "45/7 Trần Phú"),
                org.assertj.core.groups.Tuple.tuple("PHONE", "0905 123 456"),
                org.assertj.core.groups.Tuple.tuple("PHONE", "+84 258 3822 111"),
                org.assertj.core.groups.Tuple.tuple("EMAIL", "lan.nguyen@example.vn"),
                org.assertj.core.groups.Tuple.tuple("NAME", "Trần Văn Bình"));
    }

    @Test
    void aNameIntroducedByThePersonIsFound() {
        assertThat(PersonalData.find(List.of(), "Lịch tiêm chủng tháng này; tôi là Phạm Minh Châu, 0905 000 001"))
                .extracting(PersonalDatum::text).containsExactly("0905 000 001", "Phạm Minh Châu");
    }

    @Test
    void yearsAmountsAndDocumentNumbersAreNotTakenForPersonalData() {
        String text = "Dự toán ngân sách năm 2025 của xã là 12.500.000.000 đồng theo Quyết định số 1234/QĐ-UBND ngày 05/01/2025.";
        assertThat(PersonalData.find(List.of(), text)).isEmpty();
    }

    @Test
    void everyOccurrenceOfWhatWasConfirmedIsRemoved() {
        String published = PersonalData.redact("Gửi bà Nguyễn Thị Lan (0905 123 456). NGUYỄN THỊ LAN hỏi về ngân sách.",
                List.of("Nguyễn Thị Lan", "0905 123 456"));
        assertThat(published).isEqualTo("Gửi bà [đã che] ([đã che]). [đã che] hỏi về ngân sách.");
    }
}
