package com.careloop.feedback;

import com.careloop.engine.CompletedBy;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the feedback tasks: a submission with a bad field is refused (HTTP 400 over REST),
 * the task stays open and nothing is written.
 */
@Configuration
public class FeedbackFormValidators {

    @Bean
    public TaskListener respondFormValidator(Clock clock) {
        return task -> {
            FeedbackForms.Response.read(task, clock.getZone());
            CompletedBy.record(task);
        };
    }

    @Bean
    public TaskListener resolveFormValidator(Clock clock) {
        return task -> {
            FeedbackForms.Resolution.read(task, clock.getZone());
            CompletedBy.record(task);
        };
    }

    @Bean
    public TaskListener confirmFormValidator(Clock clock) {
        return task -> {
            FeedbackForms.Confirmation.read(task, clock.getZone());
            CompletedBy.record(task);
        };
    }

    @Bean
    public TaskListener managerReviewValidator(Clock clock) {
        return task -> {
            FeedbackForms.ManagerReview.read(task, clock.getZone());
            CompletedBy.record(task);
        };
    }
}
