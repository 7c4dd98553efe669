package vn.loa.identity.internal;

import java.util.List;
import vn.loa.identity.Role;

/**
 * A demo account: its user name, full name, role and the code of its agency as the province is today. The
 * password of every one is {@value #PASSWORD}.
 */
public record DemoAccount(String username, String fullName, Role role, String agencyCode) {

    public static final String PASSWORD = "loa-demo";

    // the province as it is today: Khánh Hòa after the July 2025 merger, with no district level; the user names
    // stay as they were ("district" now works at the commune that took over from Ninh Hải district)
    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", "Quản trị hệ thống", Role.ADMIN, "SKHCN"),
            new DemoAccount("leader", "Lãnh đạo UBND tỉnh", Role.LEADER, "56"),
            new DemoAccount("coordinator", "Điều phối viên Sở Văn hóa, Thể thao và Du lịch", Role.COORDINATOR, "SVHTTDL"),
            new DemoAccount("officer", "Cán bộ Sở Y tế", Role.OFFICER, "SYT"),
            new DemoAccount("district", "Cán bộ UBND xã Ninh Hải", Role.OFFICER, "22852"),
            new DemoAccount("spokesperson", "Người phát ngôn Sở Y tế", Role.SPOKESPERSON, "SYT"),
            new DemoAccount("press", "Phóng viên Báo và Phát thanh, Truyền hình Khánh Hòa", Role.PRESS, "BPTTH"),
            // commune officers who confirm the loudspeaker broadcasts of their commune (issue #16)
            new DemoAccount("xa-bac-ai-tay", "Cán bộ văn hóa - thông tin UBND xã Bác Ái Tây", Role.OFFICER, "22786"),
            new DemoAccount("phuong-phan-rang", "Cán bộ văn hóa - thông tin UBND phường Phan Rang", Role.OFFICER,
                    "22759"),
            // the ward's chairman speaks for it (Decree 09/2017, Art. 3) and approves its answers to the press; Bác Ái
            // Tây's chairman has no account, so that the demo shows a commune where nobody can approve (issue #10)
            new DemoAccount("chu-tich-phan-rang", "Chủ tịch UBND phường Phan Rang", Role.SPOKESPERSON, "22759"));
}
