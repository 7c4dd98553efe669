package vn.loa.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import vn.loa.platform.NavigationItem;

/**
 * The OpenAPI document of {@code /api/v1} ({@code /v3/api-docs}, for signed-in users and API tokens)
 * and its Swagger UI page (administrators only): how a caller signs in, and the RFC 9457 problem
 * bodies the API answers with when a call does not succeed.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TOKEN = "token";
    private static final String SESSION = "session";
    /** The methods that change something, which may find it in a state that forbids the change. */
    private static final Set<RequestMethod> CHANGES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Bean
    OpenAPI loaApi() {
        return new OpenAPI()
                .info(new Info().title("Loa API").version("v1").description("""
                        The API of Loa, for connectors that push posts and for tools that read what Loa holds. \
                        Every call needs an API token (issued by an administrator at /admin/tokens) \
                        or a signed-in user's session; each answers only what that user or token may see. \
                        A call that does not succeed answers an RFC 9457 problem (application/problem+json) whose \
                        `detail` says what went wrong, in Vietnamese, or in English for a call with `?lang=en`; \
                        a refused input also names its `field`."""))
                .components(new Components()
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token: `Authorization: Bearer <token>`. Its agency limits what it sees."))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("LOA_SESSION")
                                .description("The session of a user signed in to Loa; a change (POST) also needs the "
                                        + "session's CSRF token, as the web pages send it."))
                        .addSchemas(PROBLEM, problem()))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN))
                .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }

    /** RFC 9457's members and Loa's own: the refused field, and every refused field of a form. */
    private static Schema<?> problem() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the refused field"))
                .addProperty("detail", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema()
                .description("An RFC 9457 problem: why a call did not succeed.")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Dữ liệu không hợp lệ"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().description("what went wrong, in the caller's language"))
                .addProperty("instance", new StringSchema().format("uri").description("the path called"))
                .addProperty("field", new StringSchema().description("422 only: the refused input"))
                .addProperty("errors", new ArraySchema().items(error).description("422 only: every refused input"));
    }

    /**
     * Files each operation under its module (listening, misinformation, identity) and adds the problems it
     * can answer: 401 and 403 always; 400 and 422 when it takes input; 404 when it names a resource in its path;
     * 409 when it changes something named in its path.
     */
    @Bean
    OperationCustomizer apiProblemResponses() {
        return (Operation operation, HandlerMethod handler) -> {
            String[] packages = handler.getBeanType().getPackageName().split("\\.");
            if (packages.length > 2 && packages[0].equals("vn") && packages[1].equals("loa")) {
                operation.setTags(List.of(packages[2]));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.putIfAbsent("401", problem("Not signed in: no valid API token or session."));
            responses.putIfAbsent("403", problem("Signed in, but this user or token may not do this (or a session's "
                    + "CSRF token is missing)."));
            MethodParameter[] parameters = handler.getMethodParameters();
            if (parameters.length > 0) {
                responses.putIfAbsent("400", problem("The request cannot be read: a body that is not JSON, or a "
                        + "parameter that is not of its type."));
                responses.putIfAbsent("422", problem("The input is refused; `field` names it."));
            }
            if (Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
                responses.putIfAbsent("404", problem("Nothing with this id, or nothing this user or token may see."));
            }
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            if (mapping != null && Arrays.stream(mapping.method()).anyMatch(CHANGES::contains)
                    && Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
                responses.putIfAbsent("409", problem("The resource is not in a state that allows this."));
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** The Swagger UI page, in the administrators' part of the navigation (unless the page is turned off). */
    @Bean
    @ConditionalOnBooleanProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
    NavigationItem apiDocumentationNavigation() {
        return new NavigationItem("nav.api-docs", "/swagger-ui/index.html", 925, Set.of("ADMIN"));
    }
}
