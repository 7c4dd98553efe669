package vn.loa.nlp.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerUnitTests {

    private static final Gazetteer PLACES = Gazetteer.places();
    private static final Gazetteer AGENCIES = Gazetteer.agencies();
    private static final LocalDate IN_2024 = LocalDate.of(2024, 3, 1);
    private static final LocalDate IN_2026 = LocalDate.of(2026, 3, 1);

    @Test
    void findsPlacesWithOffsetsLongestFirst() {
        String text = "Người dân huyện Ninh Hải, tỉnh Ninh Thuận phản ánh";
        List<Gazetteer.Match> found = PLACES.find(text, IN_2024);
        assertThat(found).extracting(m -> text.substring(m.start(), m.end()) + "=" + m.entry().id())
                .containsExactly("huyện Ninh Hải=586@2023-05-01", "tỉnh Ninh Thuận=58@2008-08-01");
        assertThat(found.get(0).start()).isEqualTo(10);
    }

    @Test
    void findsNamesTypedWithoutDiacritics() {
        assertThat(PLACES.find("ninh thuan nang qua", IN_2024)).extracting(m -> m.entry().name())
                .containsExactly("Tỉnh Ninh Thuận");
        assertThat(AGENCIES.find("so y te tra loi di", IN_2024)).extracting(m -> m.entry().id()).containsExactly("SYT");
    }

    @Test
    void otherDiacriticsMakeAnotherWord() {
        assertThat(PLACES.find("Tổng thống Mỹ tiếp khách tại Nhà Trắng", IN_2026)).isEmpty();
        assertThat(PLACES.find("Du lịch Nha Trang đông khách", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Phường Nha Trang");
        assertThat(PLACES.find("ra phuong nha trang lam giay to", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Phường Nha Trang");
        assertThat(PLACES.find("Tòa tuyên bố phá sản Công ty Sơn mài Lam Sơn", IN_2026))
                .as("in a text written with diacritics, Lam is not Lâm").isEmpty();
    }

    @Test
    void phrasesThatHoldAPlacesNameButNameSomethingElse() {
        assertThat(PLACES.find("Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương họp tại Hà Nội", IN_2026))
                .extracting(m -> m.entry().name()).containsExactly("Thành phố Hà Nội");
        assertThat(PLACES.find("Đoàn viếng lăng Chủ tịch Hồ Chí Minh", IN_2026)).isEmpty();
        assertThat(PLACES.find("Du học sinh Ma Cao bằng lòng về nước", IN_2026)).as("Macau").isEmpty();
        assertThat(PLACES.find("Giải đấu ở Nhà thi đấu Phú Thọ", IN_2026)).isEmpty();
        assertThat(PLACES.find("Giải Nobel Hòa Bình năm nay", IN_2024)).isEmpty();
        // a place's short name after a family name is a person's given name
        assertThat(PLACES.find("Ông Đỗ Bình Dương phát biểu tại hội nghị", IN_2024)).isEmpty();
        assertThat(PLACES.find("Anh Nguyễn Phước Hữu trả lời phỏng vấn", IN_2026)).isEmpty();
        assertThat(PLACES.find("Mưa lớn ở Bình Dương, Phước Hữu và Nha Trang", IN_2024)).extracting(m -> m.entry().kind())
                .containsExactly("PROVINCE", "COMMUNE", "DISTRICT");
        assertThat(PLACES.find("Thành phố Hồ Chí Minh mưa lớn", IN_2026)).extracting(m -> m.entry().kind())
                .containsExactly("PROVINCE");
    }

    @Test
    void theShortNameOfAProvinceNeedsCapitalsInTextThatHasThem() {
        assertThat(PLACES.find("Hai nước cam kết vì hòa bình và hợp tác", IN_2024)).isEmpty();
        assertThat(PLACES.find("Mưa lớn ở Hòa Bình gây sạt lở", IN_2024)).extracting(m -> m.entry().kind())
                .containsExactly("PROVINCE");
        assertThat(PLACES.find("Đoàn công tác tỉnh hòa bình đến thăm", IN_2024)).extracting(m -> m.entry().kind())
                .as("the full name, with its unit, in any case").containsExactly("PROVINCE");
        assertThat(PLACES.find("Bụi mù mịt giữa phố Hà nội", IN_2026)).extracting(m -> m.entry().name())
                .as("its first capital is enough").containsExactly("Thành phố Hà Nội");
        assertThat(PLACES.find("Ghi nhận diễn biến mưa lũ", IN_2026)).as("not Điện Biên").isEmpty();
        assertThat(PLACES.find("mua lon o hoa binh qua", IN_2024)).extracting(m -> m.entry().kind())
                .as("a text typed without capitals").containsExactly("PROVINCE");
    }

    @Test
    void shortNamesOfLocalUnitsNeedCapitals() {
        assertThat(PLACES.find("ninh hải bình yên", IN_2024)).isEmpty();
        assertThat(PLACES.find("Ninh Hải bình yên", IN_2024)).extracting(m -> m.entry().kind()).containsExactly("DISTRICT");
    }

    @Test
    void theDayDecidesBetweenUnitsOfTheSameName() {
        assertThat(PLACES.find("Xã Vĩnh Hải", IN_2024)).extracting(m -> m.entry().id()).containsExactly("22846@2023-05-01");
        assertThat(PLACES.find("Xã Vĩnh Hải", IN_2026)).extracting(m -> m.entry().id()).containsExactly("22846@2025-07-01");
        assertThat(PLACES.find("tỉnh Khánh Hòa", IN_2026)).extracting(m -> m.entry().validFrom())
                .containsExactly(LocalDate.of(2025, 7, 1));
    }

    @Test
    void aPlaceKnowsWhatSucceededIt() {
        Gazetteer.Entry ninhHai = PLACES.find("huyện Ninh Hải", IN_2024).get(0).entry();
        assertThat(ninhHai.successors()).contains("22852@2025-07-01", "22846@2025-07-01", "22861@2025-07-01");
        Gazetteer.Entry ninhThuan = PLACES.find("tỉnh Ninh Thuận", IN_2024).get(0).entry();
        assertThat(ninhThuan.successors()).containsExactly("56@2025-07-01");
        assertThat(PLACES.find("tỉnh Khánh Hòa", IN_2026).get(0).entry().successors()).isEmpty();
    }

    @Test
    void namesWithHyphensAndAcronyms() {
        assertThat(PLACES.find("Phan Rang-Tháp Chàm", IN_2024)).extracting(m -> m.entry().id()).containsExactly("582@2023-05-01");
        assertThat(AGENCIES.find("SYT và Sở TT&TT họp", IN_2024)).extracting(m -> m.entry().id())
                .containsExactly("SYT", "STTTT");
        assertThat(AGENCIES.find("syt", IN_2024)).as("an acronym needs its capitals").isEmpty();
    }

    @Test
    void whatThePressCallsAProvinceIsThatProvince() {
        for (String text : new String[] {"Liên sở Tài chính và Y tế TP.HCM hướng dẫn", "Sở Y tế TP HCM cho biết",
                "Giá nhà ở Tp.HCM tăng", "Người dân TPHCM đổ về", "Kẹt xe ở Sài Gòn"}) {
            assertThat(PLACES.find(text, IN_2026)).as(text).extracting(m -> m.entry().id()).containsExactly("79@2025-07-01");
        }
        assertThat(PLACES.find("Sở Y tế TP Hà Nội thông báo", IN_2026)).extracting(m -> m.entry().id())
                .containsExactly("01@2025-07-01");
        assertThat(PLACES.find("đi sài gòn chơi", IN_2026)).as("written without capitals, a word like another").isEmpty();
    }

    @Test
    void aDepartmentsNameAfterCoIsAFacilityNotTheDepartment() {
        assertThat(AGENCIES.find("Luật quy định mọi cơ sở y tế phải công khai giá dịch vụ", IN_2026)).isEmpty();
        assertThat(AGENCIES.find("các cơ sở giáo dục và đào tạo trên địa bàn", IN_2026)).isEmpty();
        assertThat(AGENCIES.find("Sở Y tế kiểm tra các cơ sở y tế tư nhân", IN_2026)).extracting(m -> m.entry().id())
                .containsExactly("SYT");
        assertThat(AGENCIES.find("Đề nghị sở y tế vào cuộc", IN_2026)).extracting(m -> m.entry().id())
                .containsExactly("SYT");
    }

    @Test
    void anOldAgencyNameInANewPostFindsTheBodyThatDoesThatWorkNow() {
        assertThat(AGENCIES.find("Sở TT&TT trả lời chậm", IN_2024)).extracting(m -> m.entry().id()).containsExactly("STTTT");
        assertThat(AGENCIES.find("Sở TT&TT trả lời chậm", IN_2026)).extracting(m -> m.entry().id()).containsExactly("SKHCN");
        assertThat(AGENCIES.find("Sở Tài nguyên và Môi trường", IN_2026)).extracting(m -> m.entry().id())
                .containsExactly("SNNMT");
        assertThat(AGENCIES.find("UBND tỉnh Ninh Thuận", IN_2024)).extracting(m -> m.entry().id()).containsExactly("58");
        assertThat(AGENCIES.find("UBND tỉnh Ninh Thuận", IN_2026)).extracting(m -> m.entry().id()).containsExactly("56");
        assertThat(AGENCIES.entry("SYT")).get().extracting(Gazetteer.Entry::validFrom).as("a shared code names today's body")
                .isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void theCommunesOfTodaysKhanhHoaAndTheDistrictsBeforeThem() {
        assertThat(PLACES.find("Phường Nha Trang", IN_2026)).extracting(m -> m.entry().id()).containsExactly("22366@2025-07-01");
        Gazetteer.Entry nhaTrang = PLACES.find("thành phố Nha Trang", IN_2026).get(0).entry();
        assertThat(nhaTrang.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(nhaTrang.successors()).contains("22366@2025-07-01", "22333@2025-07-01");
        assertThat(PLACES.find("huyện Ninh Hải", IN_2026)).as("an old name still finds its place")
                .extracting(m -> m.entry().id()).containsExactly("586@2023-05-01");
    }

    @Test
    void aUnitWordOfAnotherKindMakesAnotherPlace() {
        assertThat(PLACES.find("đòi trụ sở UBND phường Tân Định quận 1 là sao", IN_2026)).as("Tân Định of Khánh Hòa is a xã")
                .isEmpty();
        assertThat(PLACES.find("Các xã bao gồm: huyện Phước Sơn 5 xã, Nam Giang 5 xã", IN_2026)).isEmpty();
        assertThat(PLACES.find("Người dân xã Tân Định phản ánh", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Xã Tân Định");
        assertThat(PLACES.find("Trung tâm Y tế TP Nha Trang và TP. Cam Ranh", IN_2026)).extracting(m -> m.entry().kind())
                .as("TP is a thành phố: the cities before July 2025").containsExactly("DISTRICT", "DISTRICT");
        assertThat(PLACES.find("nguoi dan phuong tan dinh phan anh", IN_2026)).as("typed without diacritics").isEmpty();
        assertThat(PLACES.find("Mỏ đá ở thị xã Cam Ranh", IN_2026)).as("a district that became a city")
                .extracting(m -> m.entry().name()).containsExactly("Thành phố Cam Ranh");
        assertThat(PLACES.find("nguoi dan xa tan dinh phan anh", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Xã Tân Định");
    }

    @Test
    void aShortNameInsideALongerNameIsNotThePlace() {
        assertThat(PLACES.find("Tân Thành và Tân Thuận thuộc huyện Hàm Thuận Nam thường xảy ra", IN_2026))
                .as("Hàm Thuận Nam is in Lâm Đồng, not Thuận Nam").isEmpty();
        assertThat(PLACES.find("Kỳ thủ Lê Kiều Thiên Kim, Anh Dũng vô địch", IN_2026)).as("brother Dũng").isEmpty();
        assertThat(PLACES.find("Người dân xã Anh Dũng phản ánh", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Xã Anh Dũng");
        assertThat(PLACES.find("Tại Nha Trang, mưa lớn", IN_2026)).as("a capital that begins a sentence is grammar")
                .extracting(m -> m.entry().name()).containsExactly("Phường Nha Trang");
        assertThat(PLACES.find("Báo Khánh Hòa đưa tin", IN_2026)).as("a province keeps its name in another's")
                .extracting(m -> m.entry().kind()).containsExactly("PROVINCE");
        assertThat(PLACES.find("UBND Nha Trang họp", IN_2026)).as("after an acronym").hasSize(1);
        assertThat(PLACES.find("Luật sư Mai Xuân Hải đồng tình", IN_2026)).as("a person").isEmpty();
        assertThat(PLACES.find("Hàng về qua sân bay Tân Sơn Nhất", IN_2026)).as("an airport in Hồ Chí Minh City").isEmpty();
        assertThat(PLACES.find("Dịch tễ tại Viện Pasteur Nha Trang", IN_2026)).as("a name the city had is known anywhere")
                .hasSize(1);
    }

    @Test
    void aCommunesShortNameAloneNeedsTheProvinceAroundIt() {
        assertThat(PLACES.find("Máy bay đưa khách đến khu di tích Mỹ Sơn rồi quay ra biển", IN_2026))
                .as("Mỹ Sơn of Quảng Nam").isEmpty();
        assertThat(PLACES.find("Phước Hữu anh thì double ngon", IN_2026)).as("a person called Phước Hữu").isEmpty();
        assertThat(PLACES.find("Đường ở Phước Hữu hỏng nặng, Khánh Hòa cần sửa", IN_2026))
                .extracting(m -> m.entry().kind()).containsExactly("COMMUNE", "PROVINCE");
        assertThat(PLACES.find("Đường ở Phước Hữu hỏng nặng", IN_2026, true)).as("told to the province's hotline")
                .extracting(m -> m.entry().name()).containsExactly("Xã Phước Hữu");
        assertThat(PLACES.find("Nhà máy đường Cam Ranh bán cho người lao động", IN_2026))
                .as("a name a district had is known alone").extracting(m -> m.entry().name())
                .containsExactly("Phường Cam Ranh");
        // named after a district that was, or a part of its double name: known alone as the district was
        assertThat(PLACES.find("Sáng nay cháy lớn tại chợ Phan Rang", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Phường Phan Rang");
        assertThat(PLACES.find("Đường ở Bác Ái Tây ngập nặng sau mưa", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Xã Bác Ái Tây");
        assertThat(PLACES.find("Kẹt xe ở Tây Nha Trang suốt buổi sáng", IN_2026)).extracting(m -> m.entry().name())
                .containsExactly("Phường Tây Nha Trang");
        assertThat(PLACES.find("Đường ở Phước Hữu hỏng nặng", IN_2026)).as("a commune's own name still needs the province")
                .isEmpty();
    }
}
