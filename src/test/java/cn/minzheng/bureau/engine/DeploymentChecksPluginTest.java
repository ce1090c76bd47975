package cn.minzheng.bureau.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The engine adapter of the deployment checks: what a check is given, and when it is not asked. */
class DeploymentChecksPluginTest {

    private final List<Map<String, byte[]>> checked = new ArrayList<>();

    @Test
    void aNewDeploymentIsCheckedWithAllItsFilesAndARefusalStopsIt() {
        DeploymentEntity deployment = deployment(true);
        assertThatThrownBy(() -> plugin(refusing()).deployer().deploy(deployment))
                .isInstanceOf(ParseException.class).hasMessage("拒绝");
        assertThat(checked).singleElement().satisfies(files -> {
            assertThat(files).containsOnlyKeys("p.bpmn", "a.form");
            assertThat(new String(files.get("a.form"), StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"a\"}");
        });
    }

    @Test
    void aVersionReloadedIntoTheCacheIsNotCheckedAgain() {
        // the engine runs its deployers again for an older version after a restart or on another node
        assertThatCode(() -> plugin(refusing()).deployer().deploy(deployment(false))).doesNotThrowAnyException();
        assertThat(checked).isEmpty();
    }

    private DeploymentCheck refusing() {
        return files -> {
            checked.add(files);
            throw new ParseException("拒绝", "p.bpmn", List.of(), List.of());
        };
    }

    private static DeploymentChecksPlugin plugin(DeploymentCheck check) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("check", check);
        return new DeploymentChecksPlugin(beans.getBeanProvider(DeploymentCheck.class));
    }

    private static DeploymentEntity deployment(boolean isNew) {
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setNew(isNew);
        deployment.addResource(resource("p.bpmn", "<definitions/>"));
        deployment.addResource(resource("a.form", "{\"id\": \"a\"}"));
        return deployment;
    }

    private static ResourceEntity resource(String name, String content) {
        ResourceEntity resource = new ResourceEntity();
        resource.setName(name);
        resource.setBytes(content.getBytes(StandardCharsets.UTF_8));
        return resource;
    }
}
