package com.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackItem;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 11.3: an SMTP server that accepts connections and never answers. The send times out, the job fails
 * and is retried, with no retries left it is an incident; meanwhile the API answers at once.
 */
class HangingMailServerTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired JavaMailSender mailSender;
    @Autowired FeedbackService feedback;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired TestRestTemplate rest;

    @Test
    void aSilentMailServerFailsTheJobWithinTheTimeoutAndTheApiStaysFast() throws Exception {
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) mailSender;
        Fixtures fx = new Fixtures(engine, customers, followUps);
        int greenMail = smtp.getPort();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (SilentServer silent = new SilentServer()) {
            smtp.setPort(silent.port());
            FeedbackItem item = feedback.registerInbound(
                    new InboundFeedbackRequest(fx.customer().getId(), FeedbackType.COMPLAINT, Urgency.URGENT, "紧急投诉"), "center1");
            Job job = fx.job(item.getProcessInstanceId(), "Task_NotifyUrgentAssignment");

            long started = System.nanoTime();
            Future<?> send = worker.submit(() -> management.executeJob(job.getId()));
            // while the job waits on the silent server, the API answers at once
            Thread.sleep(500);
            long apiStarted = System.nanoTime();
            var created = Api.as(rest, "center1").post("/api/feedback",
                    Map.of("customerId", fx.customer().getId(), "type", "CONSULTATION", "description", "咨询"));
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - apiStarted)).isLessThan(3000);

            Throwable failure = null;
            try {
                send.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).as("the send to a silent server fails").isNotNull();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(45);
            assertThat(silent.accepted()).isPositive();
            Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
            assertThat(failed.getRetries()).as("retried later (R5/PT5M)").isEqualTo(4);
            assertThat(failed.getExceptionMessage()).isNotBlank();

            management.setJobRetries(job.getId(), 1);
            Future<?> last = worker.submit(() -> management.executeJob(job.getId()));
            try {
                last.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // the last retry fails too
            }
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(item.getProcessInstanceId()).count())
                    .as("no retries left: an incident in Cockpit").isEqualTo(1);
            assertThat(smtp.getJavaMailProperties())
                    .containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");
        } finally {
            smtp.setPort(greenMail);
            worker.shutdownNow();
        }
    }

    /** Accepts every connection on loopback and never writes a byte. */
    static final class SilentServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> clients = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "silent-smtp");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return clients.size();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    clients.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : clients) {
                s.close();
            }
        }
    }
}
