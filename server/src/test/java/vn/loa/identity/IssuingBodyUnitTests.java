package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.loa.shared.AgencyId;

class IssuingBodyUnitTests {

    private static Agency agency(AgencyKind kind, String code, String nameVi) {
        return new Agency(new AgencyId(1), code, kind, null, nameVi, null, LocalDate.of(2025, 7, 1), null, null);
    }

    @Test
    void aCommuneOrADistrictIssuesAsItsPeoplesCommitteeUnderNoGoverningBody() {
        Agency commune = agency(AgencyKind.COMMUNE, "22759", "Phường Phan Rang");
        assertThat(IssuingBody.name(commune)).isEqualTo("Ủy ban nhân dân phường Phan Rang");
        assertThat(IssuingBody.standsAlone(commune)).isTrue();
        assertThat(IssuingBody.of(commune).symbol("TB")).isEqualTo("TB-UBND");
        Agency district = agency(AgencyKind.DISTRICT, "582", "Thành phố Phan Rang-Tháp Chàm");
        assertThat(IssuingBody.name(district)).isEqualTo("Ủy ban nhân dân thành phố Phan Rang-Tháp Chàm");
        // a unit recorded under its committee's name already is not named twice
        assertThat(IssuingBody.name(agency(AgencyKind.COMMUNE, "1", "Ủy ban nhân dân xã Mỹ Sơn")))
                .isEqualTo("Ủy ban nhân dân xã Mỹ Sơn");
    }

    @Test
    void theProvinceAndADepartmentKeepTheirRecordedNamesAndOnlyTheDepartmentHasOneAbove() {
        Agency province = agency(AgencyKind.PROVINCE, "56", "Ủy ban nhân dân tỉnh Khánh Hòa");
        assertThat(IssuingBody.name(province)).isEqualTo("Ủy ban nhân dân tỉnh Khánh Hòa");
        assertThat(IssuingBody.standsAlone(province)).isTrue();
        Agency department = agency(AgencyKind.DEPARTMENT, "SYT", "Sở Y tế");
        assertThat(IssuingBody.name(department)).isEqualTo("Sở Y tế");
        assertThat(IssuingBody.standsAlone(department)).isFalse();
        assertThat(IssuingBody.of(department).symbol("BC")).isEqualTo("BC-SYT");
    }

    @Test
    void aCommunesDocumentsArePlacedAtTheCommuneAndEveryOtherAgencysAtTheProvince() {
        assertThat(IssuingBody.place(agency(AgencyKind.COMMUNE, "22759", "Phường Phan Rang"), "Khánh Hòa"))
                .isEqualTo("Phan Rang");
        assertThat(IssuingBody.place(agency(AgencyKind.COMMUNE, "22786", "Xã Bác Ái Tây"), "Khánh Hòa"))
                .isEqualTo("Bác Ái Tây");
        assertThat(IssuingBody.place(agency(AgencyKind.COMMUNE, "1", "Ủy ban nhân dân xã Mỹ Sơn"), "Khánh Hòa"))
                .isEqualTo("Mỹ Sơn");
        assertThat(IssuingBody.place(agency(AgencyKind.COMMUNE, "2", "Đặc khu Trường Sa"), "Khánh Hòa"))
                .isEqualTo("Trường Sa");
        // a name that is a number keeps its kind
        assertThat(IssuingBody.place(agency(AgencyKind.COMMUNE, "3", "Phường 12"), "Khánh Hòa")).isEqualTo("Phường 12");
        assertThat(IssuingBody.place(agency(AgencyKind.DISTRICT, "582", "Thành phố Phan Rang-Tháp Chàm"), "Khánh Hòa"))
                .isEqualTo("Phan Rang-Tháp Chàm");
        assertThat(IssuingBody.place(agency(AgencyKind.DEPARTMENT, "SYT", "Sở Y tế"), "Khánh Hòa")).isEqualTo("Khánh Hòa");
        assertThat(IssuingBody.place(agency(AgencyKind.PROVINCE, "56", "Ủy ban nhân dân tỉnh Khánh Hòa"), "Khánh Hòa"))
                .isEqualTo("Khánh Hòa");
        assertThat(IssuingBody.place(null, "Khánh Hòa")).isEqualTo("Khánh Hòa");
    }

    @Test
    void theHeadSignsUnderTheBodysLinesADeputyForTheHeadAndAnyoneElseUnderTheirOwnTitle() {
        IssuingBody committee = IssuingBody.peoplesCommittee();
        assertThat(committee.signedBy("Chủ tịch")).isEqualTo("TM. Ủy ban nhân dân\nChủ tịch");
        assertThat(committee.signedBy("Phó Chủ tịch")).isEqualTo("TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch");
        IssuingBody department = IssuingBody.of(agency(AgencyKind.DEPARTMENT, "SYT", "Sở Y tế"));
        assertThat(department.signedBy("giám đốc")).isEqualTo("Giám đốc");
        assertThat(department.signedBy("Phó Giám đốc")).isEqualTo("KT. Giám đốc\nPhó Giám đốc");
        assertThat(department.signedBy("Chánh Văn phòng")).isEqualTo("Chánh Văn phòng");
        assertThat(department.signedBy(null)).isEqualTo("Giám đốc");
    }
}
