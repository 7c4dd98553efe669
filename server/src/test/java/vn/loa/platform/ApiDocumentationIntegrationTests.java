package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.ApiTokens;
import vn.loa.shared.Actor;

@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentationIntegrationTests {

    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AgencyDirectory agencies;

    @Test
    void noTwoBodiesOfTheApiShareASchemaName() {
        // the document names a schema by its class's simple name: two request bodies of one name (a case's
        // transition and an information request's) would both be described by the first one found
        Map<String, Set<String>> byName = new TreeMap<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                        && type.getName().startsWith("vn.loa.")) {
                    io.swagger.v3.oas.annotations.media.Schema schema =
                            type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
                    String name = schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
                    byName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.getName());
                }
            }
        }
        assertThat(byName).as("request bodies by schema name").isNotEmpty()
                .allSatisfy((name, types) -> assertThat(types).as(name).hasSize(1));
    }

    @Test
    void everyApiPathAndMethodOfEveryControllerIsInTheDocument() throws Exception {
        Map<String, Set<String>> served = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                // a variable's pattern ({id:\d+}) is not part of an OpenAPI path
                String path = pattern.replaceAll("\\{([^}:]+):[^}]+}", "{$1}");
                if (path.startsWith("/api/v1/") || path.equals("/api/v1")) {
                    Set<String> verbs = served.computeIfAbsent(path, p -> new TreeSet<>());
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(method -> verbs.add(method.name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        assertThat(served).as("the API's controllers, found by their mappings").containsKeys("/api/v1/posts",
                "/api/v1/cases/{id}", "/api/v1/me");

        JsonNode paths = document(signIn("officer")).get("paths");
        Map<String, Set<String>> documented = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            documented.put(path.getKey(), new TreeSet<>(path.getValue().propertyNames()));
        }
        served.forEach((path, verbs) -> assertThat(documented).as(path).containsKey(path));
        served.forEach((path, verbs) -> assertThat(documented.get(path)).as(path).containsAll(verbs));
        assertThat(documented.keySet()).as("only the API, no pages").allMatch(path -> path.startsWith("/api/v1/"));
    }

    @Test
    void theDocumentDescribesTheProblemsTheApiAnswersAndHowToSignIn() throws Exception {
        JsonNode document = document(signIn("officer"));
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "field", "errors");
        assertThat(document.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/session/name").asString()).isEqualTo("LOA_SESSION");

        JsonNode oneCase = document.at("/paths/~1api~1v1~1cases~1{id}/get/responses");
        assertThat(oneCase.propertyNames()).contains("200", "401", "403", "404");
        assertThat(oneCase.at("/404/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        JsonNode transition = document.at("/paths/~1api~1v1~1cases~1{id}~1transitions/post/responses");
        assertThat(transition.propertyNames()).contains("401", "403", "404", "409", "422");
        assertThat(document.at("/paths/~1api~1v1~1posts/post/requestBody/content/application~1json/schema/$ref").asString())
                .as("a connector's batch, not a bare string").isEqualTo("#/components/schemas/PostBatch");
        assertThat(document.at("/components/schemas/PushedPost/required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("source", "platform", "external_id", "published_at", "text");
        assertThat(document.at("/paths/~1api~1v1~1me/get/responses").propertyNames())
                .as("no input, nothing to refuse").doesNotContain("422", "404", "409");
    }

    @Test
    void theApiAnswersTheProblemsTheDocumentDescribes() throws Exception {
        MockHttpSession officer = signIn("officer");
        mvc.perform(get("/api/v1/overview").param("days", "many").session(officer))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("days"))
                .andExpect(jsonPath("$.detail").value("Tham số 'days' không nhận giá trị 'many'."));
        mvc.perform(get("/api/v1/press/obligations/compliance").session(officer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"))
                .andExpect(jsonPath("$.detail").value("Thiếu tham số bắt buộc 'year'."));
        mvc.perform(get("/api/v1/press/obligations/compliance").param("year", "2026").session(officer)
                        .cookie(new jakarta.servlet.http.Cookie("loa-lang", "en")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("The required parameter 'quarter' is missing."));
        // a body of the wrong shape names the field the parser stopped at, in the caller's language
        mvc.perform(post("/api/v1/cases/999999999/posts").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"postIds\":[\"abc\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("postIds[0]"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'postIds[0]'")));
        mvc.perform(post("/api/v1/cases").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Không đọc được nội dung gửi lên")));
        mvc.perform(get("/api/v1/cases/999999999").session(officer))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        mvc.perform(get("/api/v1/me").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        mvc.perform(multipart("/api/v1/posts/import").file(new MockMultipartFile("file", "p.jsonl", "application/x-ndjson",
                        new byte[] {'{', '}'})).session(officer).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
    }

    @Test
    void theDocumentIsForSignedInUsersAndTokensAndItsPageForAdministratorsOnly() throws Exception {
        String token = tokens.issue("docs-reader", agencies.findByCode("STTTT", LocalDate.of(2023, 5, 1)).orElseThrow().id(),
                Actor.SYSTEM).secret();
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());

        mvc.perform(get("/swagger-ui/index.html").session(signIn("admin"))).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html").session(signIn("officer"))).andExpect(status().isForbidden());
        mvc.perform(get("/swagger-ui/index.html").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/webjars/swagger-ui/index.html").session(signIn("officer"))).andExpect(status().isForbidden());
    }

    private JsonNode document(MockHttpSession session) throws Exception {
        String body = mvc.perform(get("/v3/api-docs").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
