package cn.minzheng.bureau.monitoring;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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

/**
 * OpenAPI description of the project's own API (/api/**) at /v3/api-docs, Swagger UI at
 * /swagger-ui.html. Reading the description needs no login; every call it describes needs HTTP Basic
 * with a user of the bureau. The engine's REST API (/engine-rest) is Camunda's and documented by Camunda.
 */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI bureauOpenApi() {
        return new OpenAPI()
                .info(new Info().title("区民政局业务流程平台 API")
                        .description("低保、救灾、社区建设、工资单与名册导入等业务接口。所有接口均需 HTTP Basic 登录（与待办任务相同的"
                                + "用户名和密码）；出错时按 RFC 9457 返回 application/problem+json："
                                + "{\"type\": \"about:blank\", \"title\": \"请求有误\", \"status\": 400, \"detail\": \"中文说明\", "
                                + "\"instance\": \"/api/…\", \"code\": \"稳定的错误代码\"}。")
                        .version("1"))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** The schema name of the error body every operation answers with when it refuses. */
    static final String PROBLEM = "Problem";

    /** Every operation documents its refusals (4XX) and faults (5XX) in the one error shape. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
                responses.putIfAbsent("4XX", problemResponse("拒绝：请求有误（400）、未登录（401）、无权执行（403）、未找到（404）、"
                        + "方法或内容类型不支持（405、415）、与当前状态冲突（409）；detail 为中文说明，code 为错误代码"));
                responses.putIfAbsent("5XX", problemResponse("系统内部错误（code: INTERNAL_ERROR）"));
                operation.setResponses(responses);
            }));
        };
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", new StringSchema().description("问题类型（about:blank）"));
        properties.put("title", new StringSchema().description("简短中文标题，如“请求有误”"));
        properties.put("status", new IntegerSchema().description("HTTP 状态码"));
        properties.put("detail", new StringSchema().description("给用户看的中文说明"));
        properties.put("instance", new StringSchema().description("出错的请求地址"));
        properties.put("code", new StringSchema().description("稳定的错误代码，如 INVALID_MONTH、FORBIDDEN、NOT_FOUND、CSRF_REFUSED"));
        return new ObjectSchema().description("RFC 9457 problem details，附项目的错误代码 code")
                .properties(properties);
    }
}
