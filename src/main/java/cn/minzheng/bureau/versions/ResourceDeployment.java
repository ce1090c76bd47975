package cn.minzheng.bureau.versions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.EngineBuiltListener;

/**
 * Deploys processes/ and forms/ when the engine starts, replacing the starter's single deployment
 * of everything ({@code camunda.bpm.auto-deployment-enabled: false}). One deployment per process
 * (with its forms) and per decision table, each under its own name and with duplicate filtering:
 * a unit whose files are unchanged since the last deployment of that name makes no new version, a
 * changed one becomes a new version as a whole, so a process version always finds the forms it was
 * deployed with. A deployment made from Camunda Modeler under the same name counts as the last one.
 */
@Component
public class ResourceDeployment implements EngineBuiltListener {

    private static final Logger log = LoggerFactory.getLogger(ResourceDeployment.class);
    static final String[] PATTERNS = {"classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
            "classpath*:forms/**/*.form"};

    @Override
    public void engineBuilt(ProcessEngine processEngine) {
        deploy(processEngine.getRepositoryService());
    }

    /** Deploys every unit that changed; returns the deployments made (empty when nothing changed). */
    public List<DeploymentWithDefinitions> deploy(RepositoryService repositoryService) {
        Map<String, Resource> files = resources();
        Map<String, String> contents = new HashMap<>();
        files.forEach((fileName, resource) -> contents.put(fileName, read(resource)));
        List<DeploymentWithDefinitions> made = new ArrayList<>();
        DeploymentUnits.of(contents).forEach((name, fileNames) -> {
            DeploymentBuilder builder = repositoryService.createDeployment().name(name).source("process application")
                    .enableDuplicateFiltering(false);
            for (String fileName : fileNames) {
                // the file's own bytes: duplicate filtering compares them with what Modeler deployed
                builder.addInputStream(fileName, new ByteArrayInputStream(contents.get(fileName).getBytes(StandardCharsets.UTF_8)));
            }
            long before = repositoryService.createDeploymentQuery().deploymentName(name).count();
            DeploymentWithDefinitions deployment = builder.deployWithResult();
            if (repositoryService.createDeploymentQuery().deploymentName(name).count() > before) {
                made.add(deployment);
                log.info("deployed {} ({})", name, String.join(", ", fileNames));
            }
        });
        return made;
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getFilename(), e);
        }
    }

    private static Map<String, Resource> resources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Resource> byName = new HashMap<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    String fileName = resource.getFilename();
                    Resource earlier = byName.put(fileName, resource);
                    if (earlier != null && !earlier.getURL().equals(resource.getURL())) {
                        throw new IllegalStateException("two files are named " + fileName + ": deployed names must be unique");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName;
    }
}
