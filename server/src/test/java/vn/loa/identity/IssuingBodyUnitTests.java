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
}
