package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.engine.MissingProcessRedeployer;
import com.careloop.testsupport.CareLoopTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** A manager cannot delete what the app needs; a definition deleted anyway comes back at the next start. */
class DefinitionProtectionTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired MissingProcessRedeployer redeployer;

    HttpStatus delete(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user);
        return HttpStatus.valueOf(rest.exchange(path, HttpMethod.DELETE, new HttpEntity<>(h), String.class).getStatusCode().value());
    }

    @Test
    void aManagerCannotDeleteTheScreeningDefinition() {
        String id = repository.createProcessDefinitionQuery().processDefinitionKey("screening").latestVersion().singleResult().getId();
        assertThat(delete("manager1", "/engine-rest/process-definition/" + id + "?cascade=true")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete("manager1", "/engine-rest/process-definition/key/screening/delete?cascade=true"))
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED);
        String deployment = repository.getProcessDefinition(id).getDeploymentId();
        assertThat(delete("manager1", "/engine-rest/deployment/" + deployment + "?cascade=true")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("screening").count()).isPositive();
    }

    @Test
    void aDeletedDefinitionIsDeployedAgainAtStartWithItsTimer() throws Exception {
        repository.createProcessDefinitionQuery().processDefinitionKey("holidayCalendar").list()
                .forEach(d -> repository.deleteProcessDefinition(d.getId(), true));
        assertThat(management.createJobQuery().processDefinitionKey("holidayCalendar").timers().count()).isZero();

        assertThat(redeployer.run()).containsExactly("holidayCalendar");

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("holidayCalendar").count()).isEqualTo(1);
        assertThat(management.createJobQuery().processDefinitionKey("holidayCalendar").timers().count()).isEqualTo(1);
        assertThat(redeployer.run()).isEmpty();
    }
}
