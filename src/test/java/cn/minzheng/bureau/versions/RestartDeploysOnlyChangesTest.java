package cn.minzheng.bureau.versions;

import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import cn.minzheng.bureau.BureauApplication;

/**
 * A restart deploys processes/ and forms/ again with duplicate filtering: a second start of the
 * application on the same database makes no new deployment and no new version of anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestartDeploysOnlyChangesTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngine engine;

    @Test
    void aRestartWithUnchangedFilesMakesNoNewVersion() {
        long deployments = repositoryService.createDeploymentQuery().count();
        long processVersions = repositoryService.createProcessDefinitionQuery().count();
        long decisionVersions = repositoryService.createDecisionDefinitionQuery().count();

        assertThat(ProcessEngines.getDefaultProcessEngine()).isSameAs(engine);
        // the same application once more on the same database: a restart (its own engine name, no job executor),
        // without the Camunda webapps: they keep JVM-wide state that a second webapp context, once closed, leaves
        // broken (Tasklist answered 500 to every later browser test of the JVM). Command-line arguments, not default
        // properties, which the profiles' files would override: a newcomer running the application on port 8080
        // beside the suite must not meet a port in use.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(BureauApplication.class)
                .run("--server.port=0", "--camunda.bpm.process-engine-name=restarted",
                        "--spring.autoconfigure.exclude=" + CamundaBpmWebappAutoConfiguration.class.getName(),
                        "--camunda.bpm.job-execution.enabled=false", "--bureau.demo-data.enabled=false")) {
            assertThat(restarted.getEnvironment().getProperty("local.server.port")).isNotEqualTo("8080");
            assertThat(restarted.getBean(ProcessEngine.class).getName()).isEqualTo("restarted");
            RepositoryService afterRestart = restarted.getBean(RepositoryService.class);
            assertThat(afterRestart.createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(afterRestart.createProcessDefinitionQuery().count()).isEqualTo(processVersions);
            assertThat(afterRestart.createDecisionDefinitionQuery().count()).isEqualTo(decisionVersions);
            assertThat(restarted.getBean(ResourceDeployment.class).deploy(afterRestart)).isEmpty();
        } finally {
            // the engines of one JVM share a static registry that the REST API and the webapps look the
            // engine up in; closing the second engine must leave this test JVM's application as it was
            ProcessEngines.registerProcessEngine(engine);
        }
        assertThat(ProcessEngines.getDefaultProcessEngine()).isSameAs(engine);
    }
}
