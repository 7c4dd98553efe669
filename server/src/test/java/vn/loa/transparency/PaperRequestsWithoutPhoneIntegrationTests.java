package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import java.util.Set;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * An elderly resident of a village writes by post, or comes to the office, with neither e-mail nor phone: the request
 * is received, and answered on paper at the address it gives; a request sent over a network still needs an address of
 * the network to be answered at.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaperRequestsWithoutPhoneIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    InformationRequests requests;

    @Autowired
    MockMvc mvc;

    @Test
    void aRequestOnPaperWithOnlyAnAddressIsReceivedAndTheDeskIsToldToAnswerByPost() throws Exception {
        String address = "Thôn Suối Đá, xã Bác Ái Tây, tỉnh Khánh Hòa";
        InformationRequest request = submit(Channel.POST, address);
        assertThat(request.requester().email()).isNull();
        assertThat(request.requester().phone()).isNull();
        InformationRequests.Reach reach = requests.reach(request.id(), COORDINATOR);
        assertThat(reach.address()).isEqualTo(address);
        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin("/login").user("officer").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        Document page = Jsoup.parse(mvc.perform(get("/transparency/requests/" + request.id()).session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#reach-before").text()).contains("qua bưu điện đến địa chỉ " + address)
                .doesNotContain("null");
        assertThat(submit(Channel.IN_PERSON, address).requester().phone()).isNull();
    }

    @Test
    void aRequestSentOverANetworkStillNeedsAnEmailOrAPhone() {
        assertThatThrownBy(() -> submit(Channel.ELECTRONIC, "Phường Nha Trang"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.all()).extracting(InvalidInput::field)
                        .contains("requester.contact"));
    }

    private InformationRequest submit(Channel channel, String address) {
        return requests.submit(new InformationRequests.Submission(channel, OffsetDateTime.now(LocalTime.ZONE), "SYT",
                new InformationRequests.Requester("Pi Năng Thị Hoa", "056190002222", null, null, address),
                "Danh sách hộ được hỗ trợ bảo hiểm y tế năm 2026 của thôn", "Tìm hiểu quyền lợi", null, false, null, null),
                null);
    }
}
