package cn.minzheng.bureau.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
                        .description("低保申请、案件查询与流程版本迁移。所有接口均需 HTTP Basic 登录（与待办任务相同的用户名和密码）；"
                                + "出错时返回 {\"code\": ..., \"message\": \"中文说明\"}。")
                        .version("1"))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
