package vn.loa.misinformation.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.IssuingBody;
import vn.loa.misinformation.Case;
import vn.loa.platform.OfficialLetter;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.LocalTime;

/**
 * The official letter that refers a case to the province's police ("Công văn đề nghị xác minh, xử lý"), in the Decree
 * 30/2020 format of {@link OfficialLetter}: issued by the agency in charge of the case (the province's People's
 * Committee when none is), addressed to the provincial police, naming the claim, where it was seen, the legal basis and
 * the evidence package with the SHA-256 of its manifest, and signed by the agency's default signer when it has one.
 */
@Component
class ReferralLetter {

    /** The letter's name inside the evidence package. */
    static final String FILE = "cong-van-de-nghi-xac-minh-xu-ly.docx";

    private final AgencyDirectory agencies;
    private final AgencySigners signers;
    private final ProvinceSettings province;

    ReferralLetter(AgencyDirectory agencies, AgencySigners signers, ProvinceSettings province) {
        this.agencies = agencies;
        this.signers = signers;
        this.province = province;
    }

    /**
     * The letter for a referred case.
     *
     * @param links where the claim was seen: the addresses of the case's posts and of the citizens' reports
     * @param packageName the evidence package's file name, as the letter sends it
     * @param manifestSha256 the SHA-256 of the package's {@code manifest.json}
     */
    byte[] make(Case found, List<String> links, String packageName, String manifestSha256, int posts, int files,
            int notes, LocalDate day) {
        Agency agency = Optional.ofNullable(found.agencyCode()).flatMap(code -> agencies.findByCode(code, day))
                .or(() -> agencies.validOn(day).stream().filter(a -> a.kind() == AgencyKind.PROVINCE).findFirst())
                .orElse(null);
        String issuer = agency == null ? "Ủy ban nhân dân tỉnh " + province.name() : IssuingBody.name(agency);
        String parent = agency == null || agency.parent() == null || IssuingBody.standsAlone(agency) ? null
                : agencies.find(agency.parent()).map(Agency::nameVi).orElse(null);
        IssuingBody body = agency == null ? IssuingBody.peoplesCommittee() : IssuingBody.of(agency);
        String police = "Công an tỉnh " + province.name();
        OfficialLetter letter = new OfficialLetter(parent, issuer, body.abbreviation(),
                IssuingBody.place(agency, province.name()), day);
        letter.summary("đề nghị xác minh, xử lý thông tin sai sự thật trên không gian mạng").addressee(police);
        letter.body(issuer + " phát hiện thông tin sau đang lan truyền trên không gian mạng: “" + found.claim().strip()
                + "” (vụ việc số " + found.id() + ", tiếp nhận ngày "
                + LocalTime.format(LocalDate.ofInstant(found.openedAt(), LocalTime.ZONE)) + ").");
        if (found.legalBasis() != null && !found.legalBasis().isBlank()) {
            letter.body("Căn cứ pháp lý: " + found.legalBasis().strip());
        }
        List<String> seen = links.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).distinct().toList();
        if (seen.isEmpty()) {
            letter.body("Thông tin được người dân phản ánh, không kèm đường dẫn.");
        } else {
            letter.body("Thông tin được đăng tải tại các đường dẫn sau:");
            seen.forEach(link -> letter.body("- " + link));
        }
        letter.body("Hồ sơ chứng cứ gửi kèm: tệp " + packageName + ", gồm " + posts + " bài viết được lưu nguyên trạng, "
                + files + " tệp đính kèm và " + notes + " ghi chép xác minh; bản kê manifest.json có mã SHA-256 "
                + manifestSha256 + ". Tính toàn vẹn của từng tệp được kiểm tra bằng lệnh “sha256sum -c SHA256SUMS” trong"
                + " thư mục đã giải nén.");
        letter.body(issuer + " đề nghị " + police + " xác minh, xử lý theo quy định của pháp luật đối với tổ chức, cá"
                + " nhân đăng tải, chia sẻ thông tin nêu trên và thông báo kết quả cho " + issuer + " để phối hợp cung cấp"
                + " thông tin chính thức.");
        letter.body("Trân trọng./.");
        Optional<AgencySigners.Signer> signer = agency == null ? Optional.empty() : signers.byDefault(agency.id());
        List<String> recipients = agency != null && agency.kind() == AgencyKind.PROVINCE ? List.of("Như trên")
                : List.of("Như trên", "UBND tỉnh " + province.name() + " (để báo cáo)");
        letter.close(recipients, signer.map(s -> body.signedBy(s.title())).orElse(body.signatory()),
                signer.map(AgencySigners.Signer::fullName).orElse(null));
        return letter.bytes();
    }
}
