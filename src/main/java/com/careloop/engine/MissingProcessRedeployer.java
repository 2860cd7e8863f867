package com.careloop.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At start, deploys again any of CareLoop's processes whose definition is gone (someone deleted it, e.g. with
 * cascade from Cockpit): the engine's own deployment skips resources that did not change, so without this a
 * deleted "screening" would stay deleted and its nightly timer with it. The forms go along, since user tasks
 * bind their forms within the deployment.
 */
@Component
public class MissingProcessRedeployer {

    private static final Logger log = LoggerFactory.getLogger(MissingProcessRedeployer.class);

    private final RepositoryService repository;
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    public MissingProcessRedeployer(RepositoryService repository) {
        this.repository = repository;
    }

    public List<String> run() throws IOException {
        List<String> missing = new ArrayList<>();
        DeploymentBuilder deployment = repository.createDeployment().name("careloop-redeploy").source("careloop");
        for (Resource model : resources.getResources("classpath*:bpmn/*.bpmn")) {
            boolean absent = false;
            try (InputStream in = model.getInputStream()) {
                for (Process p : Bpmn.readModelFromStream(in).getModelElementsByType(Process.class)) {
                    if (p.isExecutable() && repository.createProcessDefinitionQuery().processDefinitionKey(p.getId()).count() == 0) {
                        missing.add(p.getId());
                        absent = true;
                    }
                }
            }
            if (absent) {
                deployment.addInputStream(model.getFilename(), model.getInputStream());
            }
        }
        if (missing.isEmpty()) {
            return missing;
        }
        for (Resource form : resources.getResources("classpath*:bpmn/forms/*.form")) {
            deployment.addInputStream(form.getFilename(), form.getInputStream());
        }
        deployment.deploy();
        log.warn("Redeployed the missing process definitions {}", missing);
        return missing;
    }
}
