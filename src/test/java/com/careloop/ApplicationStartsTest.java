package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApplicationStartsTest extends CareLoopTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnPostgresWithEveryModelDeployed() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("followUp").count()).isPositive();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("feedbackHandling").count()).isPositive();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("feedbackRouting").count()).isPositive();
    }
}
