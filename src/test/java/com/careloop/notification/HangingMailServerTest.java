package com.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackRef;
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
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 11.3: an SMTP server that accepts connections and never answers. The notification is an external task: the
 * worker sends it outside any transaction, so while the send waits on the silent server no database connection is
 * held (the pool's active connections stay where they were) and the API answers at once; the send times out, the
 * task is retried (R5/PT5M), with no retries left it is an incident.
 */
class HangingMailServerTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired ExternalTaskService externalTasks;
    @Autowired NotificationWorker notifications;
    @Autowired JavaMailSender mailSender;
    @Autowired FeedbackService feedback;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired TestRestTemplate rest;
    @Autowired DataSource dataSource;

    @Test
    void aSilentMailServerHoldsNoConnectionFailsTheTaskByItsSmtpTimeoutAndTheApiAnswersMeanwhile() throws Exception {
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) mailSender;
        HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        Fixtures fx = new Fixtures(engine, customers, followUps);
        int greenMail = smtp.getPort();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (SilentServer silent = new SilentServer()) {
            smtp.setPort(silent.port());
            FeedbackRef item = feedback.registerInbound(
                    new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT, Urgency.URGENT, "紧急投诉"), "center1");
            ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(item.processInstanceId())
                    .activityId("Task_NotifyUrgentAssignment").singleResult();
            assertThat(task).as("the notification is an external task").isNotNull();
            int idle = pool.getActiveConnections();

            Future<Integer> send = worker.submit(() -> notifications.runOnce(item.number()));
            waitUntilConnected(silent, send);
            // the worker waits on the silent server: it holds no database connection meanwhile
            List<Integer> during = sampleActiveConnections(pool, 15);
            assertThat(during).as("active pool connections while the send hangs (before it: %d)", idle).allMatch(n -> n <= idle);
            // and the API answers while the send still waits (no timing: the answer comes before the send is over)
            var created = Api.as(rest, "center1").post("/api/feedback",
                    Map.of("customerId", fx.customer().id(), "type", "CONSULTATION", "description", "咨询"));
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(send.isDone()).as("still waiting on the silent server").isFalse();
            assertThat(sampleActiveConnections(pool, 5)).allMatch(n -> n <= idle);

            // what ends the wait is the SMTP read timeout, not a watchdog of the test: the send fails with a socket timeout
            assertThat(send.get(120, TimeUnit.SECONDS)).as("the send to a silent server fails").isZero();
            ExternalTask failed = externalTasks.createExternalTaskQuery().externalTaskId(task.getId()).singleResult();
            assertThat(failed.getRetries()).as("retried later (R5/PT5M)").isEqualTo(4);
            assertThat(failed.getErrorMessage()).isNotBlank();
            assertThat(externalTasks.getExternalTaskErrorDetails(task.getId())).as("failed by the SMTP timeout")
                    .contains("java.net.SocketTimeoutException");
            assertThat(failed.getLockExpirationTime()).as("not before five minutes").isAfter(new java.util.Date(System.currentTimeMillis() + 240_000));
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(item.processInstanceId()).count()).isZero();

            // the last retry fails too: an incident in Cockpit
            externalTasks.setRetries(task.getId(), 1);
            externalTasks.unlock(task.getId());
            int acceptedBefore = silent.accepted();
            Future<Integer> last = worker.submit(() -> notifications.runOnce(item.number()));
            assertThat(last.get(120, TimeUnit.SECONDS)).isZero();
            assertThat(silent.accepted()).isGreaterThan(acceptedBefore);
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(item.processInstanceId())
                    .activityId("Task_NotifyUrgentAssignment").count()).as("no retries left: an incident in Cockpit").isEqualTo(1);
            assertThat(externalTasks.getExternalTaskErrorDetails(task.getId())).contains("java.net.SocketTimeoutException");
        } finally {
            smtp.setPort(greenMail);
            worker.shutdownNow();
        }
    }

    /**
     * The SMTP timeouts that end a send to a silent server (application.yml spring.mail.properties): connect 5 s,
     * read (the greeting and every answer) 10 s, write 10 s — all finite, so no worker thread waits forever.
     */
    @Test
    void theMailSenderHasFiniteConnectReadAndWriteTimeouts() {
        java.util.Properties props = ((JavaMailSenderImpl) mailSender).getJavaMailProperties();
        assertThat(props.getProperty("mail.smtp.connectiontimeout")).isEqualTo("5000");
        assertThat(props.getProperty("mail.smtp.timeout")).isEqualTo("10000");
        assertThat(props.getProperty("mail.smtp.writetimeout")).isEqualTo("10000");
    }

    /** Sending inside a transaction would hold its connection during the wait: refused. */
    @Test
    void notifierRefusesToSendInsideATransaction(@Autowired Notifier notifier,
                                                 @Autowired org.springframework.transaction.PlatformTransactionManager tm) {
        var tx = new org.springframework.transaction.support.TransactionTemplate(tm);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> notifier.send(new Message("SLA_REMINDER", new Object[6], List.of("x@example.com"),
                List.of(), "ref", "in-tx-" + System.nanoTime())))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    private static void waitUntilConnected(SilentServer silent, Future<?> send) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (silent.accepted() == 0 && !send.isDone() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(silent.accepted()).as("the worker connected to the silent server").isPositive();
        Thread.sleep(200); // now it waits for the greeting
    }

    private static List<Integer> sampleActiveConnections(HikariPoolMXBean pool, int samples) throws InterruptedException {
        List<Integer> active = new java.util.ArrayList<>();
        for (int i = 0; i < samples; i++) {
            active.add(pool.getActiveConnections());
            Thread.sleep(100);
        }
        return active;
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
